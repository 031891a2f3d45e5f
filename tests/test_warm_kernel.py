"""Grading kernels are forked from a warm process that has done their common work once."""
import nbformat
from nbclient import NotebookClient

from testcases.engine.kernel import ConfinedKernelManager


def _run(tmp_path, source):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    NotebookClient(nb, kernel_name="python3", kernel_manager_class=ConfinedKernelManager, timeout=60,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return "".join(output.get("text", "") for output in nb.cells[0].outputs)


def test_a_grading_kernel_finds_the_offline_digits_already_parsed(tmp_path):
    printed = _run(tmp_path, "from dlutils import data\n"
                             "parsed = data._mnist_5k_table.cache_info\n"
                             "before = parsed()\n"
                             "images, labels = data.load_mnist(one_hot=False)\n"
                             "print(before.currsize, parsed().misses - before.misses, images.shape)")
    assert printed.strip() == "1 0 (5000, 784)", printed
