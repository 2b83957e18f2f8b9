#!/usr/bin/env python3
"""Validates every XML part of DOCX/XLSX files against the ECMA-376 transitional schemas, with xmllint.

Usage: ooxml-schema.py XSD_DIR FILE.docx|FILE.xlsx ...   (exit 1 when a part does not validate)

XSD_DIR holds the ECMA-376 / ISO/IEC 29500 transitional schemas (wml.xsd, sml.xsd, dml-main.xsd,
shared-*.xsd, opc-xsd/opc-*.xsd), e.g. the ref/xsd folder of the python-docx repository; they are not
shipped with jixiao (issue 13: "where a validator is available"). Before validating, each part goes
through Markup Compatibility processing as a consumer would: elements and attributes of the namespaces
its mc:Ignorable lists are dropped, since the transitional schemas do not know them (Word 2010+ additions).
"""
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The namespaces of the transitional schemas' vocabularies that an mc:Choice may require (what this consumer knows).
UNDERSTOOD = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "urn:schemas-microsoft-com:vml",
    "urn:schemas-microsoft-com:office:office",
    "urn:schemas-microsoft-com:office:word",
}

# Note: the schemas import the xml: namespace without a location; this is its part the OOXML schemas use.
XML_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
    <xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>
"""


def schema_for(part: str) -> str | None:
    """The schema file (relative to XSD_DIR) that a part's root element is defined in; None: well-formedness only."""
    if part == "[Content_Types].xml":
        return "opc-xsd/opc-contentTypes.xsd"
    if part.endswith(".rels"):
        return "opc-xsd/opc-relationships.xsd"
    if re.search(r"theme/theme\d*\.xml$", part):
        return "dml-main.xsd"
    if part == "docProps/app.xml":
        return "shared-documentPropertiesExtended.xsd"
    if part == "docProps/custom.xml":
        return "shared-documentPropertiesCustom.xsd"
    if part.startswith("word/") and part.endswith(".xml"):
        return "wml.xsd"
    if part.startswith("xl/") and part.endswith(".xml"):
        return "sml.xsd"
    # Note: docProps/core.xml uses Dublin Core's schemas, which are not among the OOXML ones: parsed only.
    return None


def mce_processed(data: bytes, sml: bool) -> bytes:
    """The part as a Markup Compatibility consumer that knows only the transitional namespaces reads it."""
    ns_of_prefix: dict[str, str] = {}
    for _event, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=["start-ns"]):
        ns_of_prefix.setdefault(prefix, uri)
    for prefix, uri in ns_of_prefix.items():
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(data)
    ignorable = {ns_of_prefix.get(p, "") for p in root.get(f"{{{MC}}}Ignorable", "").split()}
    ignorable.add(MC)

    def ns(tag: str) -> str:
        return tag[1:].split("}")[0] if tag.startswith("{") else ""

    def chosen(alternate: ET.Element) -> list[ET.Element]:
        """The content a transitional-only consumer takes from mc:AlternateContent: the first Choice it understands, else Fallback."""
        for branch in alternate:
            if branch.tag == f"{{{MC}}}Choice":
                needs = [ns_of_prefix.get(p, p) for p in branch.get("Requires", "").split()]
                if all(uri in UNDERSTOOD for uri in needs):
                    return list(branch)
            elif branch.tag == f"{{{MC}}}Fallback":
                return list(branch)
        return []

    def clean(el: ET.Element) -> None:
        for name in list(el.attrib):
            if ns(name) in ignorable:
                del el.attrib[name]
            # Note: Excel writes xml:space on a shared string's <t>, which sml.xsd does not declare; XML 1.0 §2.10
            # reserves the attribute for every element and every consumer reads it, so it is not reported.
            elif name == f"{{{XML_NS}}}space" and sml:
                del el.attrib[name]
        at = 0
        for child in list(el):
            if child.tag == f"{{{MC}}}AlternateContent":
                el.remove(child)
                taken = chosen(child)
                for k, branch_child in enumerate(taken):
                    el.insert(at + k, branch_child)
                    clean(branch_child)
                at += len(taken)
            elif ns(child.tag) in ignorable:
                el.remove(child)
            else:
                clean(child)
                at += 1

    clean(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    xsd_dir, files = sys.argv[1], sys.argv[2:]
    bad = 0
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        local = os.path.join(tmp, "xsd")
        subprocess.run(["cp", "-r", xsd_dir, local], check=True)
        for root, _dirs, names in os.walk(local):
            for n in names:
                if n.endswith(".xsd"):
                    p = os.path.join(root, n)
                    text = open(p, encoding="utf-8-sig").read()
                    rel = os.path.relpath(os.path.join(local, "xml.xsd"), root)
                    text = re.sub(
                        r'<(xsd?|xs):import ([^>]*?)namespace="http://www.w3.org/XML/1998/namespace"\s*/>',
                        lambda m: f'<{m.group(1)}:import {m.group(2)}namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="{rel}"/>',
                        text,
                    )
                    open(p, "w", encoding="utf-8").write(text)
        open(os.path.join(local, "xml.xsd"), "w", encoding="utf-8").write(XML_XSD)
        for f in files:
            with zipfile.ZipFile(f) as z:
                for part in z.namelist():
                    if not re.search(r"\.(xml|rels)$", part):
                        continue
                    data = z.read(part)
                    try:
                        processed = mce_processed(data, part.startswith("xl/"))
                    except ET.ParseError as e:
                        print(f"{f}: {part}: not well-formed: {e}")
                        bad += 1
                        continue
                    schema = schema_for(part)
                    checked += 1
                    if schema is None:
                        continue
                    target = os.path.join(tmp, "part.xml")
                    open(target, "wb").write(processed)
                    r = subprocess.run(
                        ["xmllint", "--noout", "--nonet", "--schema", os.path.join(local, schema), target],
                        capture_output=True,
                        text=True,
                    )
                    if r.returncode != 0:
                        bad += 1
                        lines = [l for l in r.stderr.splitlines() if "validates" not in l and "fails to validate" not in l]
                        print(f"{f}: {part}:")
                        for line in lines[:8]:
                            print("   " + line.replace(target, part))
    print(f"{checked} parts of {len(files)} files checked, {bad} not valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
