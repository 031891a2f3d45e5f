"""Shape tables: what every array of a layered network looks like."""
import pandas as pd


def shape_table(layer_dims, m):
    """One row per layer ``l = 1..L``: shapes of ``W[l]``, ``b[l]`` and ``Z[l]``/``A[l]`` for ``m`` examples."""
    rows = [{"층 l": l,
             "W[l] 모양": (layer_dims[l], layer_dims[l - 1]),
             "b[l] 모양": (layer_dims[l], 1),
             "Z[l], A[l] 모양": (layer_dims[l], m)}
            for l in range(1, len(layer_dims))]
    return pd.DataFrame(rows).set_index("층 l")
