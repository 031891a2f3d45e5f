"""Loop vs batched backpropagation: one epoch of full-batch gradient descent (lesson 04).

    python scripts/benchmark_backprop.py [--repeat 5] [--blas-threads N]

Times one epoch of full-batch gradient descent on the 250 training digits of
data/MNIST_preprocessed.csv with the lesson's 784-128-64-10 sigmoid network
(``np.random.seed(42)``, learning rate 300), done two ways from the same parameters:

- loop: ``feed_forward`` and ``back_prop`` once per example, the gradients summed,
  then ``update`` once (what ``train_nn`` does in an epoch);
- batched: ``feed_forward_batch`` and ``back_prop_batch`` once for all examples,
  then ``update`` once.

Each timed run does five epochs in a row, as training does, from a fresh copy of the
parameters. Prints the time per epoch of the best of ``--repeat`` runs of each, the
speed-up and whether one epoch of each ends with the same parameters (every entry
within 1e-10). The goal: the same parameters and the batched epoch at least 20 times
faster. Prints figures only; it is not a timed test.

It measures twice, first with BLAS on one thread, then with BLAS's own setting
(every core). With one thread both sides do the same arithmetic on the same core,
and the figure shows what batching saves: 250 rounds of Python calls, small
temporary arrays and a fresh 128 x 784 outer product per example. With every core
the batched side's large matrix products are shared among the cores, which the
loop's matrix-vector products are too small for; on a machine busy with other
work that second figure is the less steady one. ``--blas-threads N`` measures
with N threads only (0: BLAS's own setting).
"""
import argparse
import copy
import timeit

import numpy as np

from dlutils.data import load_mnist_preprocessed_csv, split_features_labels
from dlutils.given.lesson04 import feed_forward, feed_forward_batch, initialize_parameters
from dlutils.reference.lesson04 import back_prop, back_prop_batch, update
from dlutils.timing import blas_threads

NETWORK = [784, 128, 64, 10]
ALPHA = 300
GOAL = 20          # times faster than the loop
TOLERANCE = 1e-10  # largest difference allowed between the two epochs' parameters
EPOCHS_PER_RUN = 5  # epochs timed in a row, as in training (a lone epoch also times BLAS's threads waking)


def loop_epoch(parameters, X, Y, alpha=ALPHA):
    """One epoch the way ``train_nn`` does it: ``back_prop`` per example, summed, one ``update``."""
    gradients_sum = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
    for x, y in zip(X, Y):
        prediction, cache = feed_forward(x, parameters)
        gradients = back_prop(prediction, y, cache, parameters)
        for key in gradients_sum:
            gradients_sum[key] += gradients[key]
    return update(parameters, gradients_sum, alpha, X.shape[0])


def batched_epoch(parameters, X, Y, alpha=ALPHA):
    """The same epoch with one ``feed_forward_batch`` and one ``back_prop_batch``."""
    _, cache = feed_forward_batch(X, parameters)
    return update(parameters, back_prop_batch(X, Y, cache, parameters), alpha, X.shape[0])


def best_seconds(epoch, parameters, X, Y, repeat):
    """Seconds per epoch: the fastest of ``repeat`` runs of ``EPOCHS_PER_RUN`` epochs in a row, as in
    training, each run from a fresh copy of ``parameters`` (the copy is not timed)."""
    fresh = []
    runs = timeit.repeat(lambda: epoch(fresh[-1], X, Y), setup=lambda: fresh.append(copy.deepcopy(parameters)),
                         number=EPOCHS_PER_RUN, repeat=repeat)
    return min(runs) / EPOCHS_PER_RUN


def compare(parameters, X, Y, repeat):
    """``(loop seconds, batched seconds, largest parameter difference)`` for one epoch on ``X``, ``Y``."""
    loop = best_seconds(loop_epoch, parameters, X, Y, repeat)
    batched = best_seconds(batched_epoch, parameters, X, Y, repeat)
    by_loop = loop_epoch(copy.deepcopy(parameters), X, Y)
    by_batch = batched_epoch(copy.deepcopy(parameters), X, Y)
    difference = max(float(np.max(np.abs(by_loop[key] - by_batch[key]))) for key in by_loop)
    return loop, batched, difference


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, the best one counts (default 5)")
    parser.add_argument("--blas-threads", type=int, default=None,
                        help="measure only with this many BLAS threads, 0 for BLAS's own setting "
                             "(default: 1, then BLAS's own setting)")
    args = parser.parse_args(argv)

    X, Y = split_features_labels(load_mnist_preprocessed_csv())
    X_train, Y_train = X[:250], Y[:250]
    np.random.seed(42)
    parameters = initialize_parameters(NETWORK)

    print(f"배치 경사 하강법 한 epoch: {'-'.join(map(str, NETWORK))} 신경망, 시그모이드, 학습 데이터 "
          f"{len(X_train)}장, alpha {ALPHA}, {EPOCHS_PER_RUN} epoch씩 {args.repeat}번 재어 가장 빠른 epoch당 시간")
    met = False
    for setting in ([1, 0] if args.blas_threads is None else [args.blas_threads]):
        limits, threads = blas_threads(setting)
        with limits:
            loop, batched, difference = compare(parameters, X_train, Y_train, args.repeat)
        same = difference <= TOLERANCE
        met = met or (same and loop / batched >= GOAL)
        print(f"\n{threads}")
        print(f"  반복문 (back_prop {len(X_train)}번):     {loop * 1000:9.2f} ms")
        print(f"  행렬 (back_prop_batch 한 번):  {batched * 1000:9.2f} ms")
        print(f"  반복문 시간 ÷ 행렬 시간: {loop / batched:.1f}배")
        print(f"  업데이트한 매개변수의 가장 큰 차이: {difference:.1e} ({TOLERANCE:g} 이하: {same})")
    print(f"\n목표: 같은 매개변수, 행렬 쪽이 {GOAL}배 이상 빠를 것 → {'달성' if met else '미달'}")


if __name__ == "__main__":
    main()
