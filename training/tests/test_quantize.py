"""The int8 rewrite keeps a MatMul's output close to float32. Debian's onnx has no reference evaluator and
onnxruntime is Node-only here, so the rewritten graph's arithmetic is followed in numpy from the ONNX spec
(DynamicQuantizeLinear, MatMulInteger); lib/classifier/onnx.test.ts runs the shipped graph in onnxruntime."""
import unittest

import numpy as np
from onnx import TensorProto, helper, numpy_helper

from training.quantize import quantize_matmuls


def matmul_model(W):
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, W.shape[0]])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, W.shape[1]])
    node = helper.make_node("MatMul", ["x", "W"], ["y"], name="mm")
    graph = helper.make_graph([node], "g", [x], [y], [numpy_helper.from_array(W, "W")])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])


class QuantizeTest(unittest.TestCase):
    def test_large_matmul_becomes_int8_and_stays_close(self):
        rng = np.random.default_rng(0)
        W = rng.normal(0, 0.05, (256, 512)).astype(np.float32)
        x = rng.normal(0, 1, (8, 256)).astype(np.float32)
        m = matmul_model(W)
        want = x @ W
        self.assertEqual(quantize_matmuls(m, min_size=1000), 1)
        ops = [n.op_type for n in m.graph.node]
        self.assertIn("MatMulInteger", ops)
        self.assertNotIn("MatMul", ops)
        self.assertEqual([i.name for i in m.graph.initializer if i.data_type == TensorProto.FLOAT and len(i.dims) == 2], [])
        inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
        Wq, Ws = inits["mm_q_W"], inits["mm_q_Ws"]
        self.assertEqual(Wq.dtype, np.int8)
        lo, hi = min(0.0, float(x.min())), max(0.0, float(x.max()))
        scale = (hi - lo) / 255  # DynamicQuantizeLinear
        zp = np.clip(np.round(-lo / scale), 0, 255)
        xq = np.clip(np.round(x / scale) + zp, 0, 255)
        got = ((xq - zp) @ Wq.astype(np.float64)) * (scale * Ws)  # MatMulInteger, Cast, Mul
        err = np.abs(got - want).max() / np.abs(want).max()
        self.assertLess(err, 0.03)

    def test_small_matrices_stay_float(self):
        m = matmul_model(np.ones((8, 4), dtype=np.float32))
        self.assertEqual(quantize_matmuls(m), 0)
        self.assertEqual([n.op_type for n in m.graph.node], ["MatMul"])


if __name__ == "__main__":
    unittest.main()
