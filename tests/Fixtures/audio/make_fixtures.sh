#!/bin/sh
# Writes the WAV fixtures of Codec's tests with real tools: Python's wave module and SoX (Debian: sox).
# Run from this folder: sh make_fixtures.sh (-D: no dither, so the bytes are the same every run). manifest.txt
# records what SoX says each file holds.
set -e
/usr/bin/python3 - <<'PY'
import math, struct, wave
with wave.open("python_wave_pcm16_mono_16k.wav", "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
    w.writeframes(b"".join(struct.pack("<h", int(12000 * math.sin(2 * math.pi * 440 * i / 16000))) for i in range(1600)))
PY
sox -D -n -r 8000 -b 8 -e unsigned-integer -c 1 sox_u8_mono_8k.wav synth 0.05 sine 300 vol 0.5
sox -D -n -r 48000 -b 24 -e signed-integer -c 2 sox_s24_stereo_48k.wav synth 0.05 sine 440 sine 660 vol 0.5
sox -D -n -r 44100 -b 32 -e floating-point -c 1 sox_f32_mono_44k.wav synth 0.05 sine 220 vol 0.5
sox -D -n -r 22050 -b 64 -e floating-point -c 2 sox_f64_stereo_22k.wav synth 0.05 sine 100 sine 200 vol 0.5
sox -D -n -r 16000 -b 32 -e signed-integer -c 1 sox_s32_mono_16k.wav synth 0.05 sine 500 vol 0.5
# -B: big-endian, which SoX writes as RIFX.
sox -D -n -B -r 16000 -b 16 -e signed-integer -c 1 sox_rifx_s16_mono_16k.wav synth 0.05 sine 440 vol 0.5
sox -D -n -B -r 48000 -b 24 -e signed-integer -c 2 sox_rifx_s24_stereo_48k.wav synth 0.05 sine 440 sine 660 vol 0.5
sox -D -n -B -r 44100 -b 32 -e floating-point -c 1 sox_rifx_f32_mono_44k.wav synth 0.05 sine 220 vol 0.5
{
  echo "# file	rate	channels	bits	frames"
  for f in *.wav; do
    echo "$f	$(soxi -r "$f")	$(soxi -c "$f")	$(soxi -b "$f")	$(soxi -s "$f")"
  done
} > manifest.txt
