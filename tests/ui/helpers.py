"""Small real records for the fast UI tests (no index, no model)."""

from __future__ import annotations

from assistant.records import Answer, Citation, DocMeta, Hit, Paragraph

OFSTED_2019 = DocMeta(doc="medway_ofsted-childrens-services_2019-08-27.pdf",
                      title="Inspection of Medway children's services", organisation="Medway", org_slug="medway",
                      doc_type="ofsted-inspection", date="2019-08-27", pages=11, sha256="e760d8b2376f44ec")
REPORT_2020 = DocMeta(doc="medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt",
                      title="Report on Ofsted monitoring visit", organisation="Medway", org_slug="medway",
                      doc_type="committee-report", committee="Children and Young People Overview and Scrutiny Committee",
                      date="2020-10-01")

STEP_DOWN = ("2. Risks for some children who need help and protection are not identified quickly enough. "
             "Many children step down too soon from children’s social care when their needs and risks\nhave not "
             "been understood or fully assessed, and change has not happened or been sustained.")
THRESHOLD = ("3.11. However, threshold decisions about stepping children down from child in need support to early "
             "help were found to be inconsistent <and> inspectors noted \"oversight\" & more.")


def hit(meta: DocMeta, text: str, para: str | None, page: int | None, rank: int = 1) -> Hit:
    p = Paragraph(id=f"{meta.doc}-{para}", doc=meta.doc, ordinal=rank, text=text, para=para, heading="Help > Step-down",
                  page_start=page, page_end=page)
    return Hit(paragraph=p, meta=meta, score=1.0 / rank, rank=rank, dense=0.6)


def answer(question: str = "What did inspectors say about step-down?", *, abstained: bool = False) -> Answer:
    h1 = hit(OFSTED_2019, STEP_DOWN, "2", 3)
    h2 = hit(REPORT_2020, THRESHOLD, "3.11", None, rank=2)
    if abstained:
        return Answer(question=question, answer="The indexed documents don't say this.", abstained=True,
                      citations=[], nearest=[h1, h2], hits=[h1, h2])
    c1 = Citation.from_hit(h1, "Many children step down too soon from children’s social care when their needs and "
                               "risks have not been understood or fully assessed, and change has not happened or been "
                               "sustained.")
    c2 = Citation.from_hit(h2, "However, threshold decisions about stepping children down from child in need support "
                               "to early help were found to be inconsistent <and> inspectors noted \"oversight\" & more.")
    text = (f"From {OFSTED_2019.title} (27 August 2019):\n- {c1.quote} [{c1.label}]\n"
            f"From {REPORT_2020.title} (1 October 2020):\n- {c2.quote} [{c2.label}]")
    return Answer(question=question, answer=text, abstained=False, citations=[c1, c2], hits=[h1, h2],
                  filters={"orgs": ["medway"], "from_question": {"years": [2019]}})
