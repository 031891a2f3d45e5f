"""Reference solutions for lesson 05, computational graphs and simple layers.

Every node of a computational graph is a layer with ``forward`` and ``backward``:
``forward`` computes the node's output and keeps what the backward pass needs;
``backward(dout)`` multiplies the upstream gradient ``dout`` by the node's local
derivatives and returns one gradient per input of ``forward``, in the same order.

The layers work on numbers and on numpy arrays of any shape, entry by entry
(``Relu`` on arrays only). The lesson's convention for batches is the lecture's:
examples are ROWS (lesson 06 keeps it; lesson 07 puts examples in columns); for
these element-wise layers the two conventions give the same numbers.
"""
from dlutils.activations import sigmoid as _stable_sigmoid
# Relu: lesson 06 gives it to students, and it is kept there so that the course has one
# implementation; this reference is the same class (mask = x <= 0, neither forward nor
# backward changes the array it is given).
from dlutils.given.lesson06 import Relu

__all__ = ["MulLayer", "AddLayer", "Relu", "Sigmoid", "buy_apples", "buy_apples_and_oranges"]


class MulLayer:
    """Multiplication node ``out = x * y``; backward swaps the inputs: ``(dout * y, dout * x)``."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x = x
        self.y = y
        return x * y

    def backward(self, dout):
        dx = dout * self.y
        dy = dout * self.x
        return dx, dy


class AddLayer:
    """Addition node ``out = x + y``; backward passes ``dout`` on to both inputs. Keeps nothing."""

    def __init__(self):
        pass

    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        dx = dout * 1
        dy = dout * 1
        return dx, dy


class Sigmoid:
    """Sigmoid node ``out = 1 / (1 + exp(-x))``; backward uses the kept output: ``dout * out * (1 - out)``.

    Computed without overflow (no warning however large ``|x|`` is); a number gives a number.
    """

    def __init__(self):
        self.out = None

    def forward(self, x):
        out = _stable_sigmoid(x)[0]
        self.out = out[()] if out.ndim == 0 else out
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out) * self.out


def buy_apples(apple, apple_num, tax):
    """The lecture's first graph: ``apple * apple_num * tax``; returns ``(price, grads)``.

    ``grads`` has the keys ``apple``, ``apple_num`` and ``tax``.
    """
    mul_apple_layer, mul_tax_layer = MulLayer(), MulLayer()
    apple_price = mul_apple_layer.forward(apple, apple_num)
    price = mul_tax_layer.forward(apple_price, tax)
    dprice = 1
    dapple_price, dtax = mul_tax_layer.backward(dprice)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    return price, {"apple": dapple, "apple_num": dapple_num, "tax": dtax}


def buy_apples_and_oranges(apple, apple_num, orange, orange_num, tax):
    """``(apple * apple_num + orange * orange_num) * tax`` as a graph of layers; returns ``(price, grads)``.

    Forward: two multiplication nodes, an addition node, the tax's multiplication
    node; backward in the reverse order from ``dprice = 1``. ``grads`` holds the
    gradient of the price with respect to each input, keyed ``apple``,
    ``apple_num``, ``orange``, ``orange_num``, ``tax``.
    """
    mul_apple_layer = MulLayer()
    mul_orange_layer = MulLayer()
    add_apple_orange_layer = AddLayer()
    mul_tax_layer = MulLayer()

    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = mul_tax_layer.forward(all_price, tax)

    dprice = 1
    dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    grads = {"apple": dapple, "apple_num": dapple_num, "orange": dorange, "orange_num": dorange_num,
             "tax": dtax}
    return price, grads
