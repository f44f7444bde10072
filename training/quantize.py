"""Dynamic int8 quantization of the encoder's weight matrices in an exported model.onnx.

Each MatMul whose second input is a large float initializer (the attention and feed-forward projections)
becomes the pattern onnxruntime's own `quantize_dynamic` writes, and that its CPU optimizer fuses into
DynamicQuantizeMatMul (VNNI int8 kernels):

    DynamicQuantizeLinear(A) -> MatMulInteger(A_u8, W_i8) -> Cast(float) -> Mul(scale_a * scale_w[col])

Weights are quantized symmetrically per output column, so the scale multiplies after the integer product.
The onnxruntime Python package (which has the quantizer) is not installable here, so this is the same
transformation written against the onnx package. The classifier heads and the bag branch stay float.

    /usr/bin/python3 -m training.quantize models/<name>/model.onnx [--out path] [--min-size 65536]
"""
import argparse

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


QUANTIZATION = "dynamic int8: encoder MatMul weights per output column, activations per batch"


def quantize_matmuls(model: onnx.ModelProto, min_size: int = 65536) -> int:
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    new_nodes, new_inits, n_done = [], [], 0
    for node in g.node:
        w_name = node.input[1] if node.op_type == "MatMul" and len(node.input) == 2 else None
        w = inits.get(w_name) if w_name else None
        if w is None or w.data_type != TensorProto.FLOAT or len(w.dims) != 2 or int(np.prod(w.dims)) < min_size:
            new_nodes.append(node)
            continue
        W = numpy_helper.to_array(w).astype(np.float32)
        scale = np.maximum(np.abs(W).max(axis=0), 1e-8) / 127.0  # per output column
        Wq = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
        base = f"{node.name or w_name}_q"
        new_inits += [numpy_helper.from_array(Wq, f"{base}_W"), numpy_helper.from_array(scale.astype(np.float32), f"{base}_Ws")]
        a = node.input[0]
        new_nodes += [
            helper.make_node("DynamicQuantizeLinear", [a], [f"{base}_A", f"{base}_As", f"{base}_Az"], name=f"{base}_dql"),
            helper.make_node("MatMulInteger", [f"{base}_A", f"{base}_W", f"{base}_Az"], [f"{base}_Y32"], name=f"{base}_mmi"),
            helper.make_node("Cast", [f"{base}_Y32"], [f"{base}_Yf"], to=TensorProto.FLOAT, name=f"{base}_cast"),
            helper.make_node("Mul", [f"{base}_As", f"{base}_Ws"], [f"{base}_S"], name=f"{base}_scale"),
            helper.make_node("Mul", [f"{base}_Yf", f"{base}_S"], [node.output[0]], name=f"{base}_mul"),
        ]
        n_done += 1
    used = {i for n in new_nodes for i in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(keep + new_inits)
    return n_done


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--out", default=None, help="default: overwrite the input")
    ap.add_argument("--min-size", type=int, default=65536, help="only weight matrices with at least this many values")
    a = ap.parse_args(argv)
    m = onnx.load(a.model)
    n = quantize_matmuls(m, a.min_size)
    onnx.checker.check_model(m)
    onnx.save(m, a.out or a.model)
    print(f"quantized {n} MatMul weight matrices to int8 -> {a.out or a.model}")


if __name__ == "__main__":
    main()
