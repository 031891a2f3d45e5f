"""Typical wrong answers of lesson 02: the outputs each would produce, with a hint.

Each function takes the exercise's inputs and returns
``[(hint, {output name: wrong value or predicate}), ...]``. The forward-pass
mistakes are the outputs and cache entries of a wrong layer step; the loss and
accuracy mistakes start from the correct network outputs (those functions are
graded with a correct ``feed_forward``, see ``testcases.checks.forward``).
"""
import numpy as np

from dlutils.network import sigmoid
from dlutils.reference import forward as ref

COLUMN = ("이번 실습에서 x, b, a는 1차원 배열 (n,)입니다. reshape(-1, 1)로 열 벡터 (n, 1)를 만들면 "
          "W @ a + b가 브로드캐스팅으로 2차원 행렬로 퍼집니다.")
TRANSPOSED = ("출력이 (n[L], m) 모양, 즉 예제가 열입니다. 이번 실습은 예제가 행이므로 "
              "Z = A_prev @ W.T + b로 (m, n[l])을 만드세요. W @ X.T는 예제를 열로 두는 07 실습의 방식입니다.")


def _layers(x, parameters, step):
    """``{"a": output, "a0": x, "z1": ..., "a1": ...}`` of a pass whose layer is ``step(W, a_prev, b, last)``.

    ``a_prev @ W.T`` is ``W @ a_prev`` for one example and the row-wise product for a batch.
    """
    L = len(parameters) // 2
    a, outputs = x, {"a0": x}
    for l in range(1, L + 1):
        z, a = step(parameters["W" + str(l)], a, parameters["b" + str(l)], l == L)
        outputs["z" + str(l)], outputs["a" + str(l)] = z, a
    return {"a": a, **outputs}


def _with_z(activation, bias=True):
    def step(W, a_prev, b, last):
        z = a_prev @ W.T + (b if bias else 0)
        return z, activation(z, last)
    return step


def _forward_mistakes(x, parameters):
    correct = _layers(x, parameters, _with_z(lambda z, last: sigmoid(z)))
    L = len(parameters) // 2
    return [
        ("편향 b를 더하지 않았습니다: z = W a + b.",
         _layers(x, parameters, _with_z(lambda z, last: sigmoid(z), bias=False))),
        ("시그모이드를 두 번 적용했습니다. a = σ(z)처럼 z에 한 번만 씌우세요.",
         _layers(x, parameters, _with_z(lambda z, last: sigmoid(sigmoid(z))))),
        ("출력층에도 시그모이드를 적용하세요: 모든 층 l = 1, …, L에서 a[l] = σ(z[l])입니다.",
         _layers(x, parameters, _with_z(lambda z, last: z if last else sigmoid(z)))),
        ("활성화 함수는 시그모이드입니다. np.maximum(0, z)는 ReLU입니다.",
         _layers(x, parameters, _with_z(lambda z, last: np.maximum(0, z)))),
        ("cache의 z에는 시그모이드를 적용하기 전의 값 z[l] = W a + b를 저장하세요 (a[l]이 아니라).",
         {"z" + str(l): correct["a" + str(l)] for l in range(1, L + 1)}),
    ]


def _column_shape(n):
    """A 2-D output of ``n`` rows: what ``b`` or ``x`` reshaped to a column makes of ``W @ a + b``."""
    return lambda got: np.ndim(got) == 2 and np.shape(got)[0] == n


def feed_forward(x, parameters):
    n_out = parameters["b" + str(len(parameters) // 2)].shape[0]
    return _forward_mistakes(x, parameters) + [(COLUMN, {"a": _column_shape(n_out)})]


def feed_forward_batch(X, parameters):
    """The same wrong layers applied to every row, plus the transposed (examples-in-columns) output."""
    renamed = [(hint, {("A" if key == "a" else key): value for key, value in wrong.items()})
               for hint, wrong in _forward_mistakes(X, parameters)]
    correct = _layers(X, parameters, _with_z(lambda z, last: sigmoid(z)))
    transposed = {key: value.T for key, value in correct.items() if key != "a0"}
    transposed["A"] = transposed.pop("a")
    return renamed + [(TRANSPOSED, transposed)]


def _outputs(x_val, parameters):
    return np.array([ref.feed_forward(x, parameters)[0] for x in x_val])


def compute_loss(x_val, y_val, parameters):
    squared = (_outputs(x_val, parameters) - y_val) ** 2
    m = len(x_val)
    return [("1/2을 곱하지 않았습니다. 예제 하나의 손실은 np.mean((a - y) ** 2) / 2입니다.",
             {"loss": np.mean(squared)}),
            ("출력 뉴런들의 오차는 더하지 말고 평균을 내세요 (np.sum이 아니라 np.mean).",
             {"loss": np.mean(np.sum(squared, axis=1)) / 2}),
            ("예제들의 손실을 더하기만 했습니다. 마지막에 예제 수 len(x_val)로 나누어 평균을 내세요.",
             {"loss": np.sum(np.mean(squared, axis=1)) / 2}),
            ("마지막 예제의 손실만 남았습니다. loss = ... 대신 loss += ...로 예제마다 더하세요.",
             {"loss": np.mean(squared[-1]) / 2 / m}),
            ("오차를 제곱하세요: (a - y) ** 2.",
             {"loss": np.mean(_outputs(x_val, parameters) - y_val) / 2}),
            ("예제마다의 손실을 평균 내어 숫자 하나로 반환하세요.",
             {"loss": lambda got: np.ndim(got) == 1 and np.shape(got)[0] in (m, y_val.shape[1])})]


def compute_accuracy(x_val, y_val, parameters):
    outputs = _outputs(x_val, parameters)
    hits = outputs.argmax(axis=1) == y_val.argmax(axis=1)
    return [("맞힌 개수가 아니라 비율을 반환하세요: 맞힌 개수 / 예제 수.", {"accuracy": np.sum(hits)}),
            ("백분율(%)이 아니라 0과 1 사이의 비율을 반환하세요.", {"accuracy": 100 * np.mean(hits)}),
            ("y는 원-핫 벡터입니다. np.argmax(a)는 np.argmax(y)와 비교하세요 (y 자체가 아니라).",
             {"accuracy": np.mean(outputs.argmax(axis=1)[:, None] == y_val)}),
            ("argmax의 axis를 확인하세요. 예제마다(행마다) 가장 큰 출력을 찾으려면 axis=1입니다.",
             {"accuracy": np.mean(outputs.argmax(axis=0) == y_val.argmax(axis=0))}),
            ("예제마다 맞았는지를 담은 배열이 아니라, 그 평균(숫자 하나)을 반환하세요.",
             {"accuracy": lambda got: np.ndim(got) == 1 and np.shape(got)[0] == len(x_val)})]
