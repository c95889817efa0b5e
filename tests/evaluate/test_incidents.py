import json

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.evaluate.ecbplus import EcbPlusError, detokenize, read_document, read_gold

# Our own sentences, in ECB+'s token XML shape: two topics, two incidents each.
DOCS = {
    ("1", "1_1ecb"): [
        "A ferry carrying 300 pilgrims sank off Port Mirel on Sunday , killing 40 people .",
        "Coast guard divers searched the wreck of the Santa Lucia ferry near Port Mirel .",
    ],
    ("1", "1_2ecb"): [
        "Divers recovered 40 bodies from the Santa Lucia ferry that sank off Port Mirel .",
        "The ferry was carrying pilgrims to the island shrine when it capsized on Sunday .",
    ],
    ("1", "1_1ecbplus"): [
        "http : / / example . org / news / cargo - ship - aground",
        "A cargo ship named Northern Dawn ran aground on a reef near Kessa Bay in 2014 .",
        "No crew were hurt and salvage teams began pumping fuel from the Northern Dawn .",
    ],
    ("1", "1_2ecbplus"): [
        "Salvage crews worked to refloat the Northern Dawn , stuck on a reef at Kessa Bay .",
        "The cargo ship grounded in 2014 and none of its crew were hurt .",
    ],
    ("2", "2_1ecb"): [
        "Singer Mara Voss won the award for best album at the Lumen Awards in Vienna .",
        "Voss thanked her band as she accepted the Lumen award in Vienna .",
    ],
    ("2", "2_1ecbplus"): [
        "Actor Teo Brandt was named best actor at the Harbor Film Festival in Lisbon .",
        "Brandt received the Harbor festival prize in Lisbon for his role as a fisherman .",
    ],
}


def _write_corpus(root):
    rows = ["doc_id\ttopic\tseminal_event_cluster(topic_subtopic)\tsplit"]
    for (topic, doc_id), sentences in DOCS.items():
        folder = root / "ECB+" / topic
        folder.mkdir(parents=True, exist_ok=True)
        tokens, n = [], 1
        for s, sentence in enumerate(sentences):
            for word in sentence.split():
                tokens.append(f'<token t_id="{n}" sentence="{s}">{word}</token>')
                n += 1
        xml = f'<Document doc_name="{doc_id}.xml">\n' + "\n".join(tokens) + "\n</Document>\n"
        (folder / f"{doc_id}.xml").write_text(xml, encoding="utf-8")
        sub = "ecbplus" if doc_id.endswith("plus") else "ecb"
        rows.append(f"{doc_id}\t{topic}\t{topic}_{sub}\t{'train' if topic == '1' else 'dev'}")
    gold = root / "doc_to_incident.tsv"
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return gold


def test_detokenize_rejoins_punctuation():
    assert detokenize(["It", "'s", "a", "90", "-", "day", "stay", "(", "he", "said", ")", "."]) == (
        "It's a 90-day stay (he said)."
    )


def test_detokenize_rejoins_split_numbers_but_not_dates():
    tokens = "A 6 . 1 quake hit 120 , 000 people on November 27 , 2005 , at 5 , 6 sites .".split()
    assert detokenize(tokens) == (
        "A 6.1 quake hit 120,000 people on November 27, 2005, at 5, 6 sites."
    )


def test_read_document_moves_the_web_address_out_of_the_text(tmp_path):
    _write_corpus(tmp_path)
    article = read_document(tmp_path / "ECB+" / "1" / "1_1ecbplus.xml")
    assert article.id == "1_1ecbplus"
    assert article.url == "http://example.org/news/cargo-ship-aground"
    assert article.text.startswith("A cargo ship named Northern Dawn")


def test_read_gold_rejects_a_wrong_table(tmp_path):
    bad = tmp_path / "gold.tsv"
    bad.write_text("just one column\n", encoding="utf-8")
    with pytest.raises(EcbPlusError, match="4 tab-separated columns"):
        read_gold(bad)


def test_eval_incidents_json_has_the_issue_keys(tmp_path):
    gold = _write_corpus(tmp_path)
    result = CliRunner().invoke(
        cli,
        ["eval", "incidents", str(tmp_path), "--gold", str(gold), "--no-embeddings",
         "--no-topic", "--json"],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert {"b3_f1", "b3_p", "b3_r", "pairwise_f1", "n_docs"} <= set(figures)
    assert figures["n_docs"] == 6
    assert set(figures["per_split"]) == {"train", "dev"}
    assert "no_topic" in figures


def test_eval_incidents_names_a_missing_document(tmp_path):
    gold = _write_corpus(tmp_path)
    (tmp_path / "ECB+" / "2" / "2_1ecb.xml").unlink()
    result = CliRunner().invoke(cli, ["eval", "incidents", str(tmp_path), "--gold", str(gold)])
    assert result.exit_code != 0
    assert "2_1ecb" in result.output


def test_eval_incidents_runs_some_topics_and_names_merged_ones(tmp_path):
    gold = _write_corpus(tmp_path)
    result = CliRunner().invoke(
        cli,
        ["eval", "incidents", str(tmp_path), "--gold", str(gold), "--no-embeddings",
         "--topics", "1", "--json"],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["n_docs"] == 4 and figures["n_topics"] == 1
    assert set(figures["per_split"]) == {"train"}
    assert figures["topics_apart"] + len(figures["topics_merged"]) == 1


def test_eval_incidents_refuses_an_unknown_topic(tmp_path):
    gold = _write_corpus(tmp_path)
    result = CliRunner().invoke(
        cli, ["eval", "incidents", str(tmp_path), "--gold", str(gold), "--topics", "99"]
    )
    assert result.exit_code != 0
    assert "99" in result.output


def test_eval_incidents_scores_a_table_of_test_topics(tmp_path):
    gold = _write_corpus(tmp_path)
    rows = gold.read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join([rows[0]] + [r.rsplit("\t", 1)[0] + "\ttest" for r in rows[1:]])
                    + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "incidents", str(tmp_path), "--gold", str(gold), "--no-embeddings", "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["n_docs"] == 6
    assert set(figures["per_split"]) == {"test"}
