"""Loop vs batched forward propagation on real MNIST digits (lesson 02).

    python scripts/benchmark_forward.py [--repeat 5] [--blas-threads 1]

Times the reference ``feed_forward`` called once per example and
``feed_forward_batch`` called once for all, through the lesson's random
784-128-64-10 sigmoid network, on the 300 digits of data/MNIST_preprocessed.csv
and on the 5,000 digits of ``dlutils.data.load_mnist``. Prints the best of
``--repeat`` runs of each, the speed-up and whether both give the same outputs.
The goal: on both data sets the batched pass gives the loop's outputs and is at
least twice as fast. Prints figures only; it is not a timed test.

BLAS runs on one thread by default (when ``threadpoolctl`` is installed), as the
loop's small products do: the figure then shows the Python overhead the lesson
explains. A multi-threaded BLAS on a busy machine can make the batched pass
slower than the loop; ``--blas-threads 0`` keeps BLAS's own setting to see it.
"""
import argparse
import timeit

import numpy as np

from dlutils.data import load_mnist, load_mnist_preprocessed_csv, split_features_labels
from dlutils.given.lesson02 import initialize_parameters
from dlutils.reference.lesson02 import feed_forward, feed_forward_batch
from dlutils.timing import blas_threads

NETWORK = [784, 128, 64, 10]
GOAL = 2  # times faster than the loop, on every data set


def best_seconds(run, repeat):
    return min(timeit.repeat(run, number=1, repeat=repeat))


def compare(X, parameters, repeat):
    """``(loop seconds, batched seconds, same outputs?)`` for the examples in the rows of ``X``."""
    loop = best_seconds(lambda: [feed_forward(x, parameters) for x in X], repeat)
    batched = best_seconds(lambda: feed_forward_batch(X, parameters), repeat)
    same = np.allclose(np.array([feed_forward(x, parameters)[0] for x in X]), feed_forward_batch(X, parameters)[0])
    return loop, batched, same


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each, the best one counts (default 5)")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="BLAS threads for both passes; 0 keeps BLAS's own setting (default 1)")
    args = parser.parse_args(argv)

    np.random.seed(42)
    parameters = initialize_parameters(NETWORK)
    datasets = {"MNIST_preprocessed.csv": split_features_labels(load_mnist_preprocessed_csv())[0],
                "load_mnist()": load_mnist(normalize=True, flatten=True, one_hot=True)[0]}

    limits, threads = blas_threads(args.blas_threads)
    print(f"순전파 속도: {'-'.join(map(str, NETWORK))} 신경망, 시그모이드, {args.repeat}번 중 가장 빠른 시간, {threads}")
    print(f"{'데이터':<24}{'예제 수':>8}{'반복문 (ms)':>14}{'행렬 한 번 (ms)':>18}{'배':>8}  같은 출력")
    met = True
    with limits:
        for name, X in datasets.items():
            loop, batched, same = compare(X, parameters, args.repeat)
            met = met and same and loop / batched >= GOAL
            print(f"{name:<24}{len(X):>8}{loop * 1000:>14.2f}{batched * 1000:>18.2f}{loop / batched:>8.1f}  {same}")
    print(f"목표: 두 데이터 모두에서 같은 출력, 행렬 쪽이 {GOAL}배 이상 빠를 것 → {'달성' if met else '미달'}")


if __name__ == "__main__":
    main()
