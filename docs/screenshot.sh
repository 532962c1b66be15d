#!/usr/bin/env bash
# Writes docs/report.png, the README's picture of an HTML report: the report of the sample data shipped with
# codec, drawn by headless Chromium (Debian: apt-get install chromium) at 1200 x 1500 pixels in the light theme.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project src/Codec.Cli -c Release -- validate src/Codec.Cli/SampleData --html "$work/report.html" --quiet
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1500 \
  --blink-settings=preferredColorScheme=1 --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
cp "$work/report.png" docs/report.png
