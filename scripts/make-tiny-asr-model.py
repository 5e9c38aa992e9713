#!/usr/bin/python3
"""Writes a tiny NeMo TDT transducer in sherpa-onnx's format: tests/fixtures/asr/tiny-tdt-fixture/.

It is the same family as the default model (Parakeet-TDT, sherpa-onnx's "nemo_transducer" with a
TDT joiner), so the tests exercise the config path, the token times and the TDT durations a real
model uses. It hears nothing: the encoder marks an 80 ms frame "voiced" when the mean log-mel energy
of its first 10 ms is above VOICED_LOG_MEL, and the joiner emits the tokens "▁lo" "op" "▁coach" (the
text "loop coach") once per stretch of audio it is given, on its first voiced frames, then blanks.
So a round with three speech segments transcribes as three segments of "loop coach", with word
times on the voiced frames.

Regenerate (Debian: `apt-get install python3-onnx python3-numpy`; CI never needs this):
    /usr/bin/python3 scripts/make-tiny-asr-model.py
then update the pinned hashes if the files changed (tests/fixtures/asr/tiny-tdt-fixture/installed.json is
written here too, in the shape the model manager writes).
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "asr", "tiny-tdt-fixture")
MODEL_ID = "tiny-tdt-fixture"
FEAT_DIM = 80
SUBSAMPLING = 8
# Log-mel energy (natural log, mean over the 80 bins) above which a frame counts as voiced. Digital
# silence sits far below (about -23 here); espeak-ng speech through opus sits well above.
VOICED_LOG_MEL = -10.0
TOKENS = ["<unk>", "▁lo", "op", "▁coach", "<blk>"]  # NeMo puts the blank last
BLANK = len(TOKENS) - 1
DURATIONS = [0, 1, 2, 3, 4]
OPSET = [helper.make_opsetid("", 13)]


def const(name, array):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(array), name + "_v"))


def save(graph, name, metadata=None):
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="loop-coach-tiny-asr")
    model.ir_version = 7
    for key, value in (metadata or {}).items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, str(value)
    onnx.checker.check_model(model)
    # Deterministic bytes: no doc strings, fixed producer, no timestamps in ONNX files.
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(model.SerializeToString())


def encoder():
    # audio_signal (N, 80, T) log-mel → outputs (N, 2, ceil(T/8)): [voiced, unvoiced] per 80 ms frame.
    nodes = [
        helper.make_node("ReduceMean", ["audio_signal"], ["energy"], axes=[1], keepdims=1),
        const("starts", np.array([0], dtype=np.int64)),
        const("ends", np.array([2**62], dtype=np.int64)),
        const("axes", np.array([2], dtype=np.int64)),
        const("steps", np.array([SUBSAMPLING], dtype=np.int64)),
        helper.make_node("Slice", ["energy", "starts", "ends", "axes", "steps"], ["frame_energy"]),
        const("threshold", np.array(VOICED_LOG_MEL, dtype=np.float32)),
        helper.make_node("Greater", ["frame_energy", "threshold"], ["is_voiced"]),
        helper.make_node("Cast", ["is_voiced"], ["voiced"], to=TensorProto.FLOAT),
        const("one", np.array(1.0, dtype=np.float32)),
        helper.make_node("Sub", ["one", "voiced"], ["unvoiced"]),
        helper.make_node("Concat", ["voiced", "unvoiced"], ["outputs"], axis=1),
        const("round_up", np.array(SUBSAMPLING - 1, dtype=np.int64)),
        const("factor", np.array(SUBSAMPLING, dtype=np.int64)),
        helper.make_node("Add", ["length", "round_up"], ["length_up"]),
        helper.make_node("Div", ["length_up", "factor"], ["encoded_lengths"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_tdt_encoder",
        [
            helper.make_tensor_value_info("audio_signal", TensorProto.FLOAT, ["N", FEAT_DIM, "T"]),
            helper.make_tensor_value_info("length", TensorProto.INT64, ["N"]),
        ],
        [
            helper.make_tensor_value_info("outputs", TensorProto.FLOAT, ["N", 2, "T_out"]),
            helper.make_tensor_value_info("encoded_lengths", TensorProto.INT64, ["N"]),
        ],
    )
    save(
        graph,
        "encoder.onnx",
        {
            "vocab_size": len(TOKENS) - 1,  # NeMo counts tokens without the blank
            "subsampling_factor": SUBSAMPLING,
            "normalize_type": "NA",
            "pred_rnn_layers": 1,
            "pred_hidden": 1,
            "feat_dim": FEAT_DIM,
            "model_type": "EncDecRNNTBPEModel",
            # sherpa-onnx takes a transducer for TDT when this names "tdt".
            "url": "loop-coach test fixture (tdt), not a speech model",
            "comment": "Loop Coach test fixture: emits 'loop coach' per stretch of voiced audio",
        },
    )


def decoder():
    # The prediction network is one-hot of the last token; the LSTM states pass through unchanged.
    k = len(TOKENS)
    nodes = [
        const("eye", np.eye(k, dtype=np.float32)),
        helper.make_node("Gather", ["eye", "targets"], ["one_hot"], axis=0),  # (N, 1, K)
        helper.make_node("Transpose", ["one_hot"], ["outputs"], perm=[0, 2, 1]),  # (N, K, 1)
        helper.make_node("Identity", ["target_length"], ["prednet_lengths"]),
        helper.make_node("Identity", ["states.1"], ["states"]),
        helper.make_node("Identity", ["cell.1"], ["cell"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_tdt_decoder",
        [
            helper.make_tensor_value_info("targets", TensorProto.INT32, ["N", 1]),
            helper.make_tensor_value_info("target_length", TensorProto.INT32, ["N"]),
            helper.make_tensor_value_info("states.1", TensorProto.FLOAT, [1, "N", 1]),
            helper.make_tensor_value_info("cell.1", TensorProto.FLOAT, [1, "N", 1]),
        ],
        [
            helper.make_tensor_value_info("outputs", TensorProto.FLOAT, ["N", k, 1]),
            helper.make_tensor_value_info("prednet_lengths", TensorProto.INT32, ["N"]),
            helper.make_tensor_value_info("states", TensorProto.FLOAT, [1, "N", 1]),
            helper.make_tensor_value_info("cell", TensorProto.FLOAT, [1, "N", 1]),
        ],
    )
    save(graph, "decoder.onnx")


def joiner():
    # logits = onehot([voiced, unvoiced] ⊗ last token) · W: a lookup table of (token, duration) choices.
    k = len(TOKENS)
    out = k + len(DURATIONS)
    table = np.zeros((2 * k, out), dtype=np.float32)

    def rule(voiced, last, token, duration):
        row = (0 if voiced else k) + last
        table[row, token] = 1.0
        table[row, k + DURATIONS.index(duration)] = 1.0

    for last in range(k):
        rule(False, last, BLANK, 1)  # silence: nothing, next frame
    rule(True, BLANK, 1, 0)  # start of a stretch: "▁lo", stay on this frame
    rule(True, 1, 2, 2)  # "op", then skip two frames
    rule(True, 2, 3, 2)  # "▁coach", then skip two frames
    rule(True, 3, BLANK, 4)  # said it: blank, skipping four frames at a time
    rule(True, 0, BLANK, 1)
    nodes = [
        const("enc_shape", np.array([-1, 2, 1], dtype=np.int64)),
        const("dec_shape", np.array([-1, 1, k], dtype=np.int64)),
        helper.make_node("Reshape", ["encoder_outputs", "enc_shape"], ["enc"]),  # (N, 2, 1)
        helper.make_node("Reshape", ["decoder_outputs", "dec_shape"], ["dec"]),  # (N, 1, K)
        helper.make_node("Mul", ["enc", "dec"], ["outer"]),  # (N, 2, K)
        const("flat_shape", np.array([-1, 2 * k], dtype=np.int64)),
        helper.make_node("Reshape", ["outer", "flat_shape"], ["features"]),
        const("table", table),
        helper.make_node("MatMul", ["features", "table"], ["scores"]),
        const("out_shape", np.array([-1, 1, 1, out], dtype=np.int64)),
        helper.make_node("Reshape", ["scores", "out_shape"], ["outputs"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_tdt_joiner",
        [
            helper.make_tensor_value_info("encoder_outputs", TensorProto.FLOAT, ["N", 2, 1]),
            helper.make_tensor_value_info("decoder_outputs", TensorProto.FLOAT, ["N", k, 1]),
        ],
        [helper.make_tensor_value_info("outputs", TensorProto.FLOAT, ["N", 1, 1, out])],
    )
    save(graph, "joiner.onnx")


def main():
    os.makedirs(OUT, exist_ok=True)
    encoder()
    decoder()
    joiner()
    with open(os.path.join(OUT, "tokens.txt"), "w", encoding="utf-8") as f:
        for i, token in enumerate(TOKENS):
            f.write(f"{token} {i}\n")
    files = {"encoder": "encoder.onnx", "decoder": "decoder.onnx", "joiner": "joiner.onnx", "tokens": "tokens.txt"}
    sha, size = {}, {}
    for name in files.values():
        with open(os.path.join(OUT, name), "rb") as f:
            data = f.read()
        sha[name] = hashlib.sha256(data).hexdigest()
        size[name] = len(data)
    installed = {
        "modelId": MODEL_ID,
        "family": "nemo-transducer",
        "files": files,
        "sha256": sha,
        "bytes": size,
        "installedAt": 1796800000000,
    }
    with open(os.path.join(OUT, "installed.json"), "w", encoding="utf-8") as f:
        json.dump(installed, f, indent=2)
        f.write("\n")
    for name in files.values():
        print(f"{name}\t{size[name]} bytes\t{sha[name]}", file=sys.stderr)


if __name__ == "__main__":
    main()
