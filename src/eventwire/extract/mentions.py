"""From a parsed article to event and statement mentions (unresolved).

One pass over the sentences: find triggers, decide modality and source, collect the
arguments, numbers and outcomes. Threats and plans become statements; hypothetical
and negated happenings keep their modality (assembly does not code them); claims and
denials keep the happening they are about as a mention with that modality.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.extract import ontology
from eventwire.extract.arguments import (
    argument_root,
    arguments_for_trigger,
    noun_phrase_bounds,
)
from eventwire.extract.classify import SubEventClassifier
from eventwire.extract.lexicon import lexicon, word_set
from eventwire.extract.modality import modality_of, nobody, speech_source, unsaid
from eventwire.extract.quantities import (
    casualty_items,
    munition_counts,
    outcome_words,
    summarise_casualties,
)
from eventwire.extract.triggers import Trigger, find_triggers, refine_code
from eventwire.model import Argument, Article, Mention, Span

CLASSIFIER_MARGIN = 0.2  # how much surer the classifier must be to overrule the rule
_STATEMENT_PRIORITY = ("claim", "denial", "blame", "threat", "demand", "announcement")
_STATEMENT_MODALITY = {"claim": "claimed", "denial": "denied", "threat": "threatened"}
_DEFINITE = {"the", "these", "those", "this", "that"}
_SELF_PRONOUNS = {"it", "they", "we", "its fighters", "their fighters", "its forces"}


def _span_of(tokens: SpacySpan | Token) -> Span:
    if isinstance(tokens, Token):
        return Span(tokens.idx, tokens.idx + len(tokens.text), tokens.text)
    text = tokens.text.rstrip()
    return Span(tokens.start_char, tokens.start_char + len(text), text)


def _sentence_span(sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return Span(sent.start_char + lead, sent.start_char + lead + len(stripped), stripped)


def _speaker_phrase(token: Token) -> Span:
    """The noun phrase naming a speaker, without clauses hung on it; the name in apposition
    when the head is a common noun ("a new armed movement, the Front for ...")."""
    if token.pos_ == "NOUN":
        named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        token = named if named is not None else token
    start, end = noun_phrase_bounds(token)
    return _span_of(token.doc[start:end])




def _affiliation(token: Token) -> Span | None:
    """"X, head of Kataib Hezbollah" / "a spokesman for Y": the organisation speaking."""
    for child in token.children:
        if child.dep_ == "appos" and child.lemma_.lower() in word_set("role_nouns"):
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return _speaker_phrase(obj)
    return None


def _blamed_party(trigger: Token) -> Token | None:
    """Whom a blame names: the agent of what is blamed ("a rocket fired by militants"),
    else the verb's object ("blaming the U.S.")."""
    for tok in trigger.subtree:
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            return tok
    return next((c for c in trigger.children if c.dep_ == "dobj"), None)


def _statement_speaker(token: Token) -> Token | None:
    """Who makes a statement: the verb's subject, or the issuer of "a statement claiming"."""
    current = token
    for _ in range(4):
        subj = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in ("that", "which"):
            return subj
        # "Hezbollah Brigades, ..., threatened": a headline-like parse hangs the verb on the name
        if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            if noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in ("VERB", "ADP"):
                current = noun.head if noun.head.pos_ == "VERB" else noun.head.head
                continue
            return noun
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            current = current.head
            continue
        break
    return None


def _is_civilian(args: list[Argument]) -> bool:
    civ = lexicon().civilian_targets
    for arg in args:
        if arg.role in ("target", "victim"):
            words = {w.lower().rstrip("s") for w in arg.span.text.split()}
            if words & civ or arg.head.lower().rstrip("s") in civ:
                return True
    return False


def _is_armed(args: list[Argument]) -> bool:
    for arg in args:
        if arg.role == "actor":
            words = {w.lower().rstrip("s") for w in arg.span.text.split()}
            if words & word_set("armed_words") or arg.head.lower() in word_set("armed_words"):
                return True
    return False


def _at_protesters(doc: Doc, args: list[Argument]) -> bool:
    """The target is a protesting crowd: "protesters", "students protesting ..."."""
    for arg in args:
        if arg.role not in ("target", "victim"):
            continue
        head = argument_root(doc, arg.span)
        if head is None:
            continue
        if head.lemma_.lower() in word_set("crowd_words") or any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in word_set("protest_verbs")
                for c in head.children):
            return True
    return False


def _folded(trigger: Trigger, event_tokens: set[int]) -> bool:
    """A verb that only adds facts to a noun trigger ("an explosion that killed hundreds")."""
    token = trigger.token
    current = token
    for _ in range(3):  # "a strike that it said targeted the base": part of the strike
        if current.dep_ in ("relcl", "acl") and current.head.i in event_tokens:
            return True
        if current.head.i == current.i:
            break
        current = current.head
    if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in lexicon().munitions:
        return True  # "a rocket fired by militants": who fired it, not a new happening
    if token.dep_ == "relcl":
        # "an explosion at a school in Gaza City, which killed hundreds": the clause hangs
        # on a noun inside the trigger's phrase
        current = token.head
        for _ in range(8):  # up through the phrase, never past a clause of its own
            if current.i in event_tokens:
                return True
            if current.dep_ in ("ROOT", "ccomp", "advcl", "xcomp", "relcl") or \
                    current.head.i == current.i:
                break
            current = current.head
    if token.lemma_.lower() in word_set("light_verbs") and any(
            c.dep_ == "dobj" and c.i in event_tokens for c in token.children):
        return True  # "fired tear gas", "launched an attack": the noun names the event
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i in event_tokens


def _refers_back(token: Token) -> bool:
    """"the two attacks", "the volleys": a mention of happenings already reported; so is a
    verb whose object names one ("signed the agreement")."""
    if token.pos_ == "VERB":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in word_set("referring_objects")
                   and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in c.children)
                   for c in token.children)
    if token.pos_ != "NOUN":
        return False
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    plural = token.tag_ == "NNS"
    referring = token.lemma_.lower() in word_set("referring_heads")
    return bool(dets & _DEFINITE) and (plural or referring)


def _habitual(token: Token, sent: SpacySpan) -> bool:
    """"has so far carried out limited attacks": background, not one happening; so is
    what describes a side ("Iraqi forces fighting the remnants of the Islamic State")."""
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN") \
            and token.head.lemma_.lower() in word_set("armed_words"):
        return True
    if token.dep_ == "relcl" and token.tag_ in ("VBP", "VBZ") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children):
        return True  # "units, which fight the military, are active": what they do, not did
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in word_set("earlier_words")
                                    for c in token.children):
        return True  # "previous truces were broken": what happened before the news
    if token.tag_ != "NNS":
        return False
    head = token.head
    words = {t.lower_ for t in head.subtree if t.i < token.i} | {t.lower_ for t in head.children}
    limited = any(c.lower_ in word_set("habitual_modifiers") for c in token.children)
    return bool(words & word_set("habitual_words")) or limited


def _attack_or_clash(sentence: str, rule_code: str) -> str:
    """Attack on civilians or armed clash, when no weapon decides it: the trained sentence
    classifier settles it where it is clearly surer than the rule's guess."""
    probs = SubEventClassifier.load().predict_proba([sentence])[0]
    attack, clash = probs.get("ATTACK", 0.0), probs.get("ARMED_CLASH", 0.0)
    if abs(attack - clash) < CLASSIFIER_MARGIN:
        return rule_code
    return "ATTACK" if attack > clash else "ARMED_CLASH"


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree; crossing into a temporal or
    adverbial clause ("as tensions rose following the bombing") costs more, since such
    clauses name other happenings."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return 99
    path = up_a[:up_a.index(common)] + up_b[:up_b.index(common)]
    return len(path) + 3 * sum(1 for t in path if t.dep_ in ("advcl", "mark"))


@dataclass
class _SentenceFacts:
    casualties: list
    munitions: list
    protest: bool = False  # the sentence tells of a protest


def _owner_finder(triggers: list[Token]):
    """Which trigger a casualty word belongs to (nearest in the tree), and which a counted
    weapon belongs to (nearest in the text, as its subject usually stands just before)."""

    def owner(anchor: Token) -> Token | None:
        if not triggers:
            return None
        if anchor.lemma_.lower() in lexicon().munitions:
            return min(triggers, key=lambda t: (abs(anchor.i - t.i) + (0 if t.i > anchor.i else
                                                                         1)))
        return min(triggers, key=lambda t: (_tree_distance(anchor, t), abs(anchor.i - t.i)))

    return owner


def _parties(trigger: Token) -> list[Argument]:
    """"The government and the ELN agreed to extend their ceasefire": those who agreed, up
    through the clause that holds the truce (never up to a verb of saying)."""
    current = trigger
    for _ in range(4):
        if current.dep_ not in ("dobj", "pobj", "prep", "xcomp", "compound"):
            break
        current = current.head
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if current.pos_ in ("VERB", "AUX") and subject is not None:
            return [Argument("actor", _speaker_phrase(t), t.text)
                    for t in (subject, *subject.conjuncts)]
    return []


def _a_side(arg: Argument) -> bool:
    """A named party or armed men ("rebels", "the M23"), not a thing ("heavy weapons")."""
    armed = word_set("armed_words")
    head = arg.head.lower()
    return arg.head[:1].isupper() or head in armed or head.rstrip("s") in armed


def _opposed(args: list[Argument]) -> list[Argument]:
    """"Soldiers and rebels fought (with heavy weapons)": the sides of a fight named together
    oppose each other, and what they fought with is no side."""
    actors = [i for i, a in enumerate(args) if a.role == "actor"]
    if len(actors) < 2 or any(a.role == "target" and _a_side(a) for a in args):
        return args  # "Wagner fighters and Malian troops clashed with rebels": one side
    second = actors[1]
    return [Argument("target", a.span, a.head) if i == second else a
            for i, a in enumerate(args) if a.role != "target"]


def _event_mention(doc: Doc, article: Article, sent: SpacySpan, trigger: Trigger,
                   sent_items: _SentenceFacts, owner) -> Mention:
    token = trigger.token
    trig_span = _span_of(token)
    args = [a for a in arguments_for_trigger(doc, trig_span) if not (
        a.role == "actor" and (root := argument_root(doc, a.span)) is not None and nobody(root))]
    if token.lemma_.lower() in word_set("mutual_verbs"):
        args = _opposed(args)
    if trigger.code == "AGREEMENT" and not any(a.role == "actor" for a in args):
        args = _parties(token) + args
    source = speech_source(token)
    if source is not None:
        # "Hizbullah said it attacked the post": the speaker reports its own act
        for i, arg in enumerate(args):
            if arg.role == "actor" and arg.span.text.lower() in _SELF_PRONOUNS:
                args[i] = Argument("actor", _speaker_phrase(source), source.text)
    code = refine_code(trigger, sent, _is_civilian(args), _is_armed(args))
    unaimed = not any(a.role in ("target", "victim") for a in args)
    if code == "ARMED_CLASH" and trigger.code == "ATTACK_GENERIC" and unaimed and \
            token.lemma_.lower() in word_set("one_sided_words"):
        code = "ATTACK"  # a clash needs two armed sides; a killing with no target is one-sided
    if trigger.code == "ATTACK_GENERIC" and code in ("ATTACK", "ARMED_CLASH"):
        code = _attack_or_clash(sent.text.strip(), code)
    if trigger.code == "ATTACK_GENERIC" and (_at_protesters(doc, args) or (
            sent_items.protest and unaimed and _is_armed(args))):
        # "protesters chanted ..., and security forces opened fire": at the protest
        # force used on a protest: rubber bullets and tear gas intervene, live fire is excessive
        said = sent.text.lower()
        code = "PROTEST_WITH_INTER" if any(w in said for w in word_set("non_lethal_words")) \
            else "FORCE_AGAINST_PROTEST"
    modality, _cue = modality_of(token)
    def owns(anchor: Token) -> bool:
        found = owner(anchor)
        return found is not None and found.i == token.i

    fatalities, injuries, note = summarise_casualties(
        [(kind, value) for anchor, kind, value in sent_items.casualties if owns(anchor)])
    owned = [(anchor, q) for anchor, q in sent_items.munitions if owns(anchor)]
    quantities = [q for _, q in owned]
    if owned and not any(a.role == "instrument" for a in args):
        # the parser lost the weapon subject ("... and one drone targeted a base")
        anchor = owned[0][0]
        args.append(Argument("instrument", _span_of(anchor), anchor.text))
        if code in ("ATTACK", "ARMED_CLASH") and trigger.code == "ATTACK_GENERIC":
            code = lexicon().instruments.get(anchor.lemma_.lower(), code)
    for anchor, _kind, _value in sent_items.casualties:
        if owns(anchor) and anchor.i != token.i:
            for prep in anchor.children:  # "injuries ... at the western base"
                if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "near"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.lemma_.lower() in ("base", "site", "camp"):
                        args.append(Argument("place", _span_of(obj.doc[obj.left_edge.i:obj.i + 1]),
                                             obj.text))
    outcomes = outcome_words(sent)
    if code in ("ARMED_CLASH", "ATTACK") and {"intercepted", "destroyed"} & set(outcomes) and \
            any(a.role == "target" and (a.head.lower() in lexicon().munitions or
                                        a.head.lower() in lexicon().cardinals)
                for a in args):
        code = "DISR_WEAP"  # "air defences engaged all three, destroying two"
    sub = ontology.sub_event_by_code(code)
    start = doc[trigger.phrase_start].idx if trigger.phrase_start >= 0 else token.idx
    end = token.idx + len(token.text)
    trigger_span = Span(start, end, doc.text[start:end])
    return Mention(
        article_id=article.id,
        sentence=_sentence_span(sent),
        trigger=trigger_span,
        kind="event",
        event_type=sub.event_type,
        sub_event_type=sub.name,
        modality=modality,
        arguments=args,
        speaker=_speaker_phrase(source) if source is not None else None,
        quantities=quantities,
        fatalities=fatalities,
        injuries=injuries,
        injuries_note=note,
        outcomes=outcomes,
        confidence=0.6 if trigger.code != "ATTACK_GENERIC" else 0.5,
        refers_to_previous=_refers_back(token),
    )


def _statement_mention(doc: Doc, article: Article, sent: SpacySpan, stype: str,
                       trigger: Token, speaker: Token | None, about: Mention | None,
                       modality: str | None = None) -> Mention:
    speaker_span = None
    if speaker is not None:
        speaker_span = _affiliation(speaker) or _speaker_phrase(speaker)
    args: list[Argument] = []
    if speaker_span is not None:
        args.append(Argument("actor", speaker_span, speaker.text if speaker is not None else ""))
    if about is not None:
        args.extend(a for a in about.arguments if a.role in ("target", "victim", "place", "time"))
    blamed = _blamed_party(trigger) if stype == "blame" else None
    if blamed is not None:
        args.append(Argument("target", _speaker_phrase(blamed), blamed.text))
    sub = ontology.sub_event_by_code("OTHER")
    return Mention(
        article_id=article.id,
        sentence=_sentence_span(sent),
        trigger=_span_of(trigger),
        kind="statement",
        event_type=sub.event_type,
        sub_event_type=sub.name,
        modality=modality or _STATEMENT_MODALITY.get(stype, "occurred"),
        statement_type=stype,
        arguments=args,
        speaker=speaker_span,
        confidence=0.6,
    )


def _no_threat(verb: Token, violence: bool) -> bool:
    """"Warned of famine", "promised that more power would flow", "pledged allegiance":
    words of threat that threaten no violence ("promised retaliation" does)."""
    lemma = verb.lemma_.lower()
    if any(c.lower_ == "allegiance" for c in verb.children):
        return True
    # the words of threat other than "threaten" itself (data/triggers.yaml)
    if violence or lemma == "threaten" or lemma not in lexicon().modality_cues["threatened"]:
        return False
    return lemma == "warn" or not any(c.dep_ == "dobj" for c in verb.children)


def _peaceable(mention: Mention, token: Token) -> bool:
    """"Committed to stop attacks on civilians", "is committed to any truce": a plan to halt
    violence or to keep a truce threatens no one."""
    _, cue = modality_of(token)
    return mention.sub_event_type == "Agreement" or (
        cue is not None and cue.lemma_.lower() in lexicon().modality_cues.get("stopped", ()))


def _sentence_mentions(doc: Doc, article: Article, sent: SpacySpan) -> list[Mention]:
    triggers = find_triggers(sent)
    if not triggers:
        return []
    event_heads = {t.token.i for t in triggers if not t.is_statement and t.token.pos_ == "NOUN"}
    kept = [t.token for t in triggers if not t.is_statement
            and not (t.token.pos_ in ("VERB", "AUX") and _folded(t, event_heads))]
    owner = _owner_finder(kept)
    facts = _SentenceFacts(casualty_items(sent), munition_counts(sent),
                           any(t.code == "PEACE_PROTEST" for t in triggers))
    statements: dict[int, list[tuple[str, Token]]] = {}
    mentions: list[Mention] = []
    statement_events: list[tuple[Mention, Token]] = []
    for trig in triggers:
        token = trig.token
        if trig.is_statement:
            speaker = _statement_speaker(token)
            if unsaid(token, speaker):
                continue
            key = speaker.i if speaker is not None else -1
            statements.setdefault(key, []).append((trig.statement_type or "", token))
            continue
        if token.pos_ in ("VERB", "AUX") and _folded(trig, event_heads):
            continue
        if _habitual(token, sent):
            continue
        mention = _event_mention(doc, article, sent, trig, facts, owner)
        if mention.modality in ("threatened", "planned"):
            statement_events.append((mention, token))
            continue
        # hypothetical and negated happenings are kept with their modality; assembly
        # codes only what happened
        mentions.append(mention)
    # Threats and plans are statements by whoever threatens or plans, unless an explicit
    # "threatened"/"warned" in the sentence already makes that statement. A plan in a
    # quoted speaker's words is a threat; a plan reported plainly is an announcement.
    explicit_threat = any(t == "threat" for group in statements.values() for t, _ in group)
    about: Mention | None = None
    intent: dict[int, str] = {}
    for mention, token in statement_events:
        peaceable = _peaceable(mention, token)
        # civilians a halt spares are no side of it; the armed side it stops attacking is
        about = about or (replace(mention, arguments=[
            a for a in mention.arguments if not _is_civilian([a])])
            if peaceable else mention)
        if explicit_threat:
            continue
        speaker = None
        if mention.speaker is not None:
            found = doc.char_span(mention.speaker.start, mention.speaker.end,
                                  alignment_mode="expand")
            speaker = found.root if found is not None else None
        stype = "threat" if (mention.modality == "threatened" or speaker is not None) \
            and not peaceable else "announcement"
        speaker = speaker or _statement_speaker(token)
        key = speaker.i if speaker is not None else -1
        statements.setdefault(key, []).append((stype, token))
        intent[key] = mention.modality
        explicit_threat = True
    # "vowed to halt raids": what is vowed is no violence
    violent = bool(mentions) or not all(_peaceable(m, t) for m, t in statement_events)
    for key, group in statements.items():
        stype, token = min(group, key=lambda g: _STATEMENT_PRIORITY.index(g[0]))
        if stype == "threat" and _no_threat(token, violent):
            continue
        speaker = doc[key] if key >= 0 else None
        mentions.append(_statement_mention(
            doc, article, sent, stype, token, speaker,
            about if stype in ("threat", "announcement") else None,
            modality=intent.get(key) if stype in ("threat", "announcement") else None))
    return mentions


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Every event and statement mention of an article, in text order.

    >>> from eventwire.nlp import parse
    >>> from eventwire.model import Article
    >>> text = "Gunmen killed four villagers in Kaduna on Sunday."
    >>> [m.sub_event_type for m in extract_mentions(parse(text), Article(id="a", text=text))]
    ['Attack']
    """
    found: list[Mention] = []
    for sent in doc.sents:
        found.extend(_sentence_mentions(doc, article, sent))
    return sorted(found, key=lambda m: (m.sentence.start, m.trigger.start))
