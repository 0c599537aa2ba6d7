#!/usr/bin/env bash
# Regenerates Sources/SamradRender/DefaultTemplates.swift from templates/, so that the
# samrad binary carries the default templates and assets. A test fails when they differ.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/embed_templates.py > Sources/SamradRender/DefaultTemplates.swift.new
mv Sources/SamradRender/DefaultTemplates.swift.new Sources/SamradRender/DefaultTemplates.swift
echo "embedded $(find templates -type f | wc -l) files from templates/"
