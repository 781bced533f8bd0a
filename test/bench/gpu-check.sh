#!/usr/bin/env bash
# GPU check for a device machine: execution providers, CUDA provider libraries, the device
# chooseDevice picks and why, then the synthetic-model benches on it. Fails, naming the install
# command, when onnxruntime-node's CUDA provider is missing; `--cpu` checks the CPU path only.
# Usage: bash test/bench/gpu-check.sh [--cpu]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -d "$HOME/.local/node24/node_modules/.bin" ]; then export PATH="$HOME/.local/node24/node_modules/.bin:$PATH"; fi
echo "node $(node --version)"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
else
  echo "nvidia-smi: not found (no NVIDIA driver on this machine)"
fi
if [ ! -d node_modules/onnxruntime-node ]; then
  echo "FAIL: node_modules/onnxruntime-node is missing — run: ONNXRUNTIME_NODE_INSTALL=cuda12 npm install" >&2
  exit 1
fi
exec npx tsx test/bench/gpu-check.ts "$@"
