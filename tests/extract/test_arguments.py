"""Arguments of a given trigger, read from the clause (sentences written for these tests)."""

import pytest

from eventwire.extract.arguments import arguments_for_trigger
from eventwire.model import Span
from eventwire.nlp import parse


def _args(text: str, trigger: str) -> list[tuple[str, str]]:
    start = text.index(trigger)
    found = arguments_for_trigger(parse(text), Span(start, start + len(trigger), trigger))
    return [(a.role, a.span.text) for a in found]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "X said Y attacked Z": the speaker is no argument
        ("Officials said that militants had ambushed an army patrol.", "ambushed",
         [("actor", "militants"), ("target", "an army patrol")]),
        # verbs joined by "and" share their object
        ("Unknown assailants shot and killed a local chief.", "shot",
         [("actor", "Unknown assailants"), ("victim", "a local chief")]),
        # ... only when both verbs do harm
        ("The old man passed away and left a small farm.", "passed",
         [("victim", "The old man")]),
        # a device goes off: its subject is the instrument, whoever planted it the actor
        ("A bomb planted by militants exploded at the station.", "exploded",
         [("instrument", "A bomb"), ("actor", "militants"), ("place", "the station")]),
        ("It exploded outside the ministry.", "exploded",
         [("instrument", "It"), ("place", "the ministry")]),
        # a participle clause does not inherit a passive subject: the rocket killed
        ("The police station was hit by a rocket, killing two officers.", "killing",
         [("instrument", "a rocket"), ("victim", "two officers")]),
        ("Twin bombs exploded near the stadium, killing three people.", "killing",
         [("instrument", "Twin bombs"), ("victim", "three people")]),
        # an event noun as subject: who carried it out acted
        ("An airstrike by the coalition killed twelve civilians in Saada.", "killed",
         [("actor", "the coalition"), ("victim", "twelve civilians"), ("place", "Saada")]),
        # a subject shared with a passive clause underwent it
        ("He tried to avoid being arrested by police.", "arrested",
         [("victim", "He"), ("actor", "police")]),
        # the possessor of a killing or an arrest suffered it, unless a group did it to others
        ("The journalist's arrest drew protests.", "arrest", [("victim", "The journalist's")]),
        ("Hamas's kidnapping of two soldiers started the war.", "kidnapping",
         [("actor", "Hamas's"), ("target", "two soldiers")]),
        # a death word on a noun: the noun died
        ("Rescuers found the slain soldiers near the river.", "slain",
         [("victim", "the slain soldiers")]),
        ("The veteran passed away in hospital.", "passed",
         [("victim", "The veteran"), ("place", "hospital")]),
        # "opened fire on": the subject fired on the object of "on"
        ("Troops opened fire on the crowd.", "fire",
         [("actor", "Troops"), ("target", "the crowd")]),
        # "who" stands for the noun its clause hangs on
        ("Soldiers who were wounded in the ambush were flown to the capital.", "wounded",
         [("victim", "Soldiers")]),
        # the name in apposition, and each one listed after "including"
        ("The alleged gunman, Omar Diallo, was shot dead by police.", "shot",
         [("victim", "Omar Diallo"), ("actor", "police")]),
        ("Six activists were arrested, including two journalists and a lawyer.", "arrested",
         [("victim", "Six activists"), ("victim", "two journalists"), ("victim", "a lawyer")]),
        # "the attack was carried out by X": the event is no target of itself
        ("The attack was carried out by the separatists.", "carried",
         [("actor", "the separatists")]),
        # a town hung on the day; the most specific place, not its country in apposition
        ("The militants attacked a village on Monday in Borno.", "attacked",
         [("actor", "The militants"), ("target", "a village"), ("time", "Monday"),
          ("place", "Borno")]),
        ("Gunmen attacked a base in Helmand Province, Afghanistan.", "attacked",
         [("actor", "Gunmen"), ("target", "a base"), ("place", "Helmand Province")]),
        # "the city of X" names X
        ("Two men were stabbed in the city of Lyon.", "stabbed",
         [("victim", "Two men"), ("place", "Lyon")]),
        # a town before an event noun is where it happened, a country who did it
        ("The Kabul bombing killed 20.", "bombing", [("place", "Kabul"), ("victim", "20")]),
        ("US strikes on Houthi targets continued.", "strikes",
         [("actor", "US"), ("target", "Houthi targets")]),
        # who is said to stand behind an event carried it out
        ("Investigators say 34 people were involved in the attack on the convoy.", "attack",
         [("actor", "34 people"), ("target", "the convoy")]),
        ("Police are searching for a man believed to be responsible for the blast.", "blast",
         [("actor", "a man")]),
        ("The group was responsible for the kidnapping of the engineers.", "kidnapping",
         [("actor", "The group"), ("target", "the engineers")]),
        # "into" of a verb of ramming names the target; an aim told through "appeared to be"
        ("The attacker drove into the crowd outside the stadium.", "drove",
         [("actor", "The attacker"), ("target", "the crowd"), ("place", "the stadium")]),
        ("The bombings, which appeared to be aimed at shoppers, killed nine.", "bombings",
         [("target", "shoppers"), ("victim", "nine")]),
        # the accused of an event is its (alleged) actor
        ("The army accused the rebels of attacking a convoy near Goma.", "attacking",
         [("actor", "the rebels"), ("target", "a convoy"), ("place", "Goma")]),
        ("The rebels were accused of killing six aid workers.", "killing",
         [("actor", "The rebels"), ("victim", "six aid workers")]),
        ("Hamas blamed Israel for the strike on the hospital.", "strike",
         [("actor", "Israel"), ("target", "the hospital")]),
        # "carried out by": the agent of the verb carrying a noun event
        ("The spokesman said the attack, which targeted a checkpoint, was carried out by the "
         "PKK.", "attack", [("target", "a checkpoint"), ("actor", "the PKK")]),
        ("The farmer died at the hands of militants.", "died",
         [("victim", "The farmer"), ("actor", "militants")]),
        # the named place of a joined clause, but not that of a verb of saying
        ("In Mosul, gunmen stormed a school and killed six teachers.", "killed",
         [("place", "Mosul"), ("actor", "gunmen"), ("victim", "six teachers")]),
        ("Officials in Kabul said gunmen killed six teachers.", "killed",
         [("actor", "gunmen"), ("victim", "six teachers")]),
        # those counted among the dead, and a second participle without its auxiliary
        ("The dead included four children.", "dead", [("victim", "four children")]),
        ("Soldiers were among the dead.", "dead", [("victim", "Soldiers")]),
        ("At least 12 people were killed and 30 injured in the blast.", "injured",
         [("victim", "30")]),
        ("The soldier's death was confirmed by the army.", "death",
         [("victim", "The soldier's")]),
        # who did the harm, told in a clause of its own
        ("At least 20 people were killed when gunmen opened fire on a wedding party.",
         "killed", [("victim", "At least 20 people"), ("actor", "gunmen")]),
        ("Five people died after a rocket hit their house.", "died",
         [("victim", "Five people"), ("instrument", "a rocket")]),
        ("Suspected jihadists killed 15 villagers in an overnight raid on Seytenga.", "raid",
         [("actor", "Suspected jihadists"), ("place", "Seytenga")]),
        ("Scores died in the attacks.", "attacks", []),
        # a weapon of crowd control is an instrument, not a target
        ("Police fired tear gas at protesters in Nairobi.", "fired",
         [("actor", "Police"), ("instrument", "tear gas"), ("target", "protesters"),
          ("place", "Nairobi")]),
        # "Thousands of students protested", which the parser hangs on the noun
        ("Thousands of students protested in Dhaka against the new law.", "protested",
         [("actor", "students"), ("place", "Dhaka"), ("target", "the new law")]),
        # one kills someone, never on someone: "on" and "at" of a verb of harm say where
        ("A gunman shot two guards on the spot.", "shot",
         [("actor", "A gunman"), ("victim", "two guards")]),
        ("The blast wounded nine people on a crowded street.", "wounded",
         [("victim", "nine people"), ("place", "a crowded street")]),
        # a name the parser takes for an organisation is a place when its apposition is one
        ("At Kestrel Holdings, the largest market in the port, two guards were killed.",
         "killed", [("place", "Kestrel Holdings"), ("victim", "two guards")]),
        # a name before a generic word for an organisation is the argument
        ("The Free Valley Front militant group attacked a checkpoint.", "attacked",
         [("actor", "Free Valley Front"), ("target", "a checkpoint")]),
        # "in jail" as the trigger: its subject is held there
        ("Dozens of student leaders are in jail.", " in ",
         [("victim", "student leaders"), ("place", "jail")]),
        # "with X wounded": the participle's own subject, or the object of "with" before it
        ("Four guards were killed, with two drivers wounded.", "wounded",
         [("victim", "two drivers")]),
        ("Four guards were killed with two drivers and a cook wounded.", "wounded",
         [("victim", "two drivers"), ("victim", "a cook")]),
        # a place noun before an event noun: hit by an attack, where a shooting happened
        ("The checkpoint attack was condemned.", "attack", [("target", "checkpoint")]),
        ("Parents gathered after the school shooting.", "shooting", [("place", "school")]),
        # hit by an event noun: what was hit is its target, and where that stands its place
        ("The embassy in Kabul was hit by a rocket attack.", "attack",
         [("target", "The embassy in Kabul"), ("place", "Kabul"), ("instrument", "rocket")]),
        # a noun of death as subject of "include": those it counts
        ("The fatalities included three medics and a driver.", "fatalities",
         [("victim", "three medics"), ("victim", "a driver")]),
        # a list the parser reads as a noun with an apposition is still one list
        ("There were five men, a 12-year-old boy and two women injured.", "injured",
         [("victim", "five men"), ("victim", "a 12-year-old boy"), ("victim", "two women")]),
        ("Police detained two students, a lecturer and a driver.", "detained",
         [("actor", "Police"), ("victim", "two students"), ("victim", "a lecturer"),
          ("victim", "a driver")]),
        # "suicide" before an event noun is how it was done, not a device
        ("The suicide bombing at the market was condemned.", "bombing",
         [("place", "the market")]),
        # a clause on an event noun names a target only if it aims or carries it out
        ("The shelling, which happened on army orders, was condemned.", "shelling", []),
        ("The raids, which were carried out against rebel fighters, were condemned.", "raids",
         [("target", "rebel fighters")]),
        # whoever is arrested or indicted for an event is its alleged actor
        ("Two men were arrested for the bombing of the bridge.", "bombing",
         [("actor", "Two men"), ("target", "the bridge")]),
        ("A jury indicted the officer for the fatal shooting of a teenager.", "fatal",
         [("actor", "the officer"), ("victim", "a teenager")]),
        # an event noun before another noun: that phrase's place is the event's
        ("The kidnapping rate in Lagos fell last year.", "kidnapping", [("place", "Lagos")]),
        # "blamed the event on X", with "on" hung on the event or on the verb
        ("Officials blamed the bombing on separatist rebels.", "bombing",
         [("actor", "separatist rebels")]),
        ("The army blamed the massacre squarely on the rebels.", "massacre",
         [("actor", "the rebels")]),
        # an event noun as subject: where the object it hit stands; a place's name
        ("The blast hit a school in the town of Gao.", "blast",
         [("target", "a school"), ("place", "Gao")]),
        ("The blast hit a cafe on the main street Rue Cler.", "blast",
         [("target", "a cafe"), ("place", "Rue Cler")]),
        # "a fight between X and Y in Z": the place, whichever side the parser hangs it on
        ("Villagers described a battle between troops and militants in the market area.",
         "battle", [("actor", "troops"), ("target", "militants"),
                    ("place", "the market area")]),
        # "a series of", "a wave of": the collective noun stands for the events in its clause
        ("A series of explosions rocked the capital on Sunday.", "explosions",
         [("target", "the capital"), ("time", "Sunday")]),
        ("A wave of shootings broke out in the northern districts.", "shootings",
         [("place", "the northern districts")]),
        # whoever claims or carries out an event acted, unless no one did
        ("A separatist group claimed responsibility for the bombing.", "bombing",
         [("actor", "A separatist group")]),
        ("No group has claimed responsibility for the bombing.", "bombing", []),
        ("The rebels did not carry out the attack.", "attack", []),
        # "shot dead" in a clause on a noun: the noun died
        ("The gunman, later shot dead by police, had no record.", "dead",
         [("victim", "The gunman"), ("actor", "police")]),
        # "three of the wounded": the number counted among them
        ("Three of the wounded were soldiers.", "wounded", [("victim", "Three of the wounded")]),
        ("Officials gave a death toll of 40.", "death", [("victim", "40")]),
        ("Doctors cared for hundreds of wounded.", "wounded",
         [("victim", "hundreds of wounded")]),
        # "the slain military officials", which the parser reads as "slain military"
        ("According to witnesses, the slain military officials included two colonels.",
         "slain", [("victim", "the slain military officials")]),
        # what the actor carried, told in a clause on it
        ("Gunmen armed with rifles stormed the hotel.", "stormed",
         [("actor", "Gunmen"), ("instrument", "rifles"), ("target", "the hotel")]),
        ("A man wearing an explosive vest attacked the checkpoint.", "attacked",
         [("actor", "A man"), ("instrument", "an explosive vest"),
          ("target", "the checkpoint")]),
    ],
)
def test_clause_roles(text: str, trigger: str, expected: list[tuple[str, str]]) -> None:
    assert _args(text, trigger) == expected


def test_a_suicide_bomber_is_the_actor_not_the_device() -> None:
    args = _args("A suicide bomber blew himself up at a checkpoint.", "blew")
    assert ("actor", "A suicide bomber") in args
    assert all(text != "himself" for _, text in args)
