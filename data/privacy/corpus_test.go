package privacy

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ppei-iceberg/iceberg/data"
)

// board is the cast of most corpus cases: officers on the cover with their
// job titles, a facilitator and named participants, among them names that
// are ordinary words and names with accents, an apostrophe or a hyphen.
var board = cast{
	author:       "Julie Marsh, Senior Commissioning Support Manager",
	presenter:    "Ben Adeyemi, Director of Communications and Engagement",
	facilitator:  "Siân O'Neill",
	participants: []string{"Will Hope", "Mark Rose", "Zoë Clarke", "Łukasz Nowak", "Ngọc Anh Trần", "Mary-Jane Okafor", "Ann Lee", "Ed Price", "Grace Bell", "April Holt", "Bill Evans"},
}

type cast struct {
	author, presenter, facilitator string
	participants                   []string
}

func (c cast) record(text string) *data.Record {
	r := &data.Record{}
	r.Title = "Corpus"
	r.Facilitator = c.facilitator
	r.Cover.Author = c.author
	r.Cover.Presenter = c.presenter
	r.Participants = []data.Participants{{Role: data.RoleServiceUser, Count: len(c.participants), Names: c.participants}}
	r.Summary = text
	return r
}

// corpus cases are written with what must be withheld in braces: {name},
// {nhs:…}, {email:…}, {phone:…}, {postcode:…}, {dob:…}. review marks a
// case where the text is ambiguous and must be listed for a person to
// decide; the braces then say what the default does.
var corpus = []struct {
	name   string
	cast   *cast
	text   string
	review bool
}{
	{name: "job titles are never withheld", text: "The volume of Board papers and the Communications and Engagement plan went to the Senior Commissioning Support Manager."},
	{name: "officers print by default", text: "Julie Marsh presented; Ben Adeyemi, Director of Communications and Engagement, answered."},
	{name: "ordinary words will and hope", text: "We will hope to meet again, and mark the rose garden with grace."},
	{name: "whole name mid-sentence", text: "We thanked {Will Hope} for the notes."},
	{name: "whole name at a sentence start", text: "{Will Hope} opened the meeting. {Mark Rose} agreed; we will mark it."},
	{name: "ordinary word at a sentence start", text: "Will you come? Hope is what keeps carers going.", review: true},
	{name: "Zoe typed for Zoë", text: "{Zoe} said the letters were late."},
	{name: "Lukasz for Łukasz and Sian for Siân", text: "{Lukasz} and {Sian} met the carers."},
	{name: "Ngoc Tran for Ngọc Anh Trần", text: "{Ngoc Tran} raised interpreting; transport was raised by {Tran} too."},
	{name: "decomposed Zoë in the text", text: "{Zoe\u0308} asked about the leaflet."},
	{name: "decomposed Siân in the record", cast: &cast{facilitator: "Sia\u0302n Jones"}, text: "{Siân} led the session."},
	{name: "curly apostrophe in the text", text: "{O’Neill} chaired the session."},
	{name: "straight apostrophe in the text, curly in the record", cast: &cast{facilitator: "Siân O’Neill"}, text: "Ms {O'Neill} chaired."},
	{name: "apostrophe left out", text: "Notes typed by {ONeill}."},
	{name: "one part of a hyphenated name", text: "{Mary} spoke first, then {Mary-Jane Okafor}, then {Jane}."},
	{name: "possessive", text: "{Zoë}'s carer and {Łukasz}’s daughter rang."},
	{name: "possessive of an ordinary-word name", text: "{Will}'s carer rang."},
	{name: "Ann inside annual", text: "The annual report and the Annals; {Ann} agreed."},
	{name: "Ed inside edited", text: "{Ed} edited the leaflet; it was edited twice."},
	{name: "ED in capitals is a department", text: "ED waits are long.", review: true},
	{name: "names beside punctuation", text: "Thanks to ({Zoë}), “{Łukasz}”, {Ann}; and [{Ed}]!"},
	{name: "name in capitals", text: "ACTION: {ZOË CLARKE} TO WRITE TO CARERS"},
	{name: "ordinary words in capitals", text: "WE WILL HOPE FOR BETTER", review: true},
	{name: "name in lower case", text: "thanks to {zoe clarke} and {lukasz}"},
	{name: "surname in capitals beside a first name", text: "Letter from {ZOË CLARKE}."},
	{name: "month before a year", text: "In April 2026 the group met {April Holt}.", review: true},
	{name: "month name as a name", text: "{April Holt} chaired the meeting in May."},
	{name: "the Bill is a thing", text: "We discussed the Bill, and {Bill Evans} spoke.", review: true},
	{name: "Grace as a name", text: "Thanks to {Grace} for the minutes, and a grace period of two weeks."},
	{name: "Rose Ward is a place", text: "Rose Ward is closing.", review: true},
	{name: "honorific before an ordinary word", text: "We asked Dr {Hope} and Mr {Rose}."},
	{name: "St Mary's is a place", text: "At St Mary's Hospital.", review: true},
	{name: "names inside other words", text: "Annabel, Willow, Marksman, Zoey, Edward, Bellamy and Roseanne are not on the list."},
	{name: "two people in a row", text: "Carers ({Zoë Clarke}, {Ann Lee}) wrote in."},
	{name: "valid NHS number, spaced", text: "NHS number {nhs:943 476 5919} on file."},
	{name: "valid NHS number, unspaced", text: "Patient {nhs:9434765919} was discussed."},
	{name: "valid NHS number, hyphens", text: "Ref {nhs:943-476-5919}."},
	{name: "invalid NHS number (check digit)", text: "Reference 943 476 5918 is not valid."},
	{name: "ten digits inside a longer number", text: "Order 94347659190 and 1943476591 9."},
	{name: "email address", text: "Write to {email:zoe.clarke@nhs.net} or {email:o'neill@example.org.uk}."},
	{name: "not email addresses", text: "Use the form at @nhs, admin@localhost or write to us at nhs dot net."},
	{name: "UK phone numbers", text: "Call {phone:0161 496 0000}, {phone:07700 900123}, {phone:+44 (0)20 7946 0000} or {phone:+44 7700 900 123}."},
	{name: "not phone numbers", text: "Room 0123, £0.50, in 2026, 1,000 people, +1 212 555 0100 and 0461 234 5678."},
	{name: "postcodes", text: "She lives at {postcode:LS1 4AP}; the office is {postcode:SW1A 1AA} ({postcode:m1 1ae})."},
	{name: "not postcodes", text: "Q1 1AA, LS1 4CI, Ward B1, Covid19 and A1 road."},
	{name: "dates of birth", text: "DOB: {dob:12/03/1961}; born on {dob:3 March 1958}; date of birth {dob:1961-03-12}."},
	{name: "dates that are not dates of birth", text: "Meeting on 12/03/2026; next on 3 March 2027."},
	{name: "name inside an email is the email", text: "Email {email:mark.rose@nhs.net} today."},
	{name: "lower-case ordinary words next to each other", text: "if we will hope, we will mark the rose"},
	{name: "line starts", text: "Attendees:\n{Will Hope}\n{Mark Rose}\n- {Zoë Clarke}"},
}

var braceRE = regexp.MustCompile(`\{(?:(nhs|email|phone|postcode|dob):)?([^{}]*)\}`)

// expand turns a corpus text into the input and the public text expected.
func expand(s string) (in, want string) {
	in = braceRE.ReplaceAllString(s, "$2")
	want = braceRE.ReplaceAllStringFunc(s, func(m string) string {
		k := braceRE.FindStringSubmatch(m)[1]
		return map[string]Kind{"": KindName, "nhs": KindNHS, "email": KindEmail, "phone": KindPhone, "postcode": KindPostcode, "dob": KindBirth}[k].Marker()
	})
	return in, want
}

// tally compares a public text with the one expected, word by word:
// leaked counts words shown that should have been withheld, withheld
// counts words withheld that should have been shown.
func tally(got, want string) (leaked, withheld int) {
	norm := func(s string) []string {
		for _, k := range []Kind{KindName, KindNHS, KindEmail, KindPhone, KindPostcode, KindBirth} {
			s = strings.ReplaceAll(s, k.Marker(), " \x00"+string(k)+" ")
		}
		return strings.Fields(s)
	}
	a, b := norm(got), norm(want)
	// Longest common subsequence of words.
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && l[i+1][j] >= l[i][j+1]):
			if !strings.HasPrefix(a[i], "\x00") {
				leaked++
			}
			i++
		default:
			if !strings.HasPrefix(b[j], "\x00") {
				withheld++
			}
			j++
		}
	}
	return leaked, withheld
}

func TestCorpus(t *testing.T) {
	if len(corpus) < 40 {
		t.Fatalf("the corpus has %d cases, want at least 40", len(corpus))
	}
	var leaked, withheld, reviewLeaked, reviewWithheld, reviewCases int
	for _, tc := range corpus {
		t.Run(tc.name, func(t *testing.T) {
			c := board
			if tc.cast != nil {
				c = *tc.cast
			}
			in, want := expand(tc.text)
			pub, check, _ := Public(c.record(in), nil, nil, false)
			got := pub.Summary
			l, w := tally(got, want)
			reviewed := false
			for _, f := range check.Findings {
				if f.Field == "summary" && f.Review {
					reviewed = true
				}
			}
			if tc.review {
				reviewCases++
				reviewLeaked += l
				reviewWithheld += w
				if !reviewed {
					t.Errorf("nothing was listed for review in %q", in)
				}
			} else {
				leaked += l
				withheld += w
				if reviewed {
					t.Errorf("%q was listed for review, but the case is not ambiguous", in)
				}
			}
			if got != want {
				t.Errorf("public text of %q:\n got %q\nwant %q\n(%d names leaked, %d ordinary words withheld)", in, got, want, l, w)
			}
			// Asking for names keeps every name; personal data still goes.
			named, _, _ := Public(c.record(in), nil, nil, true)
			if strings.Contains(named.Summary, KindName.Marker()) {
				t.Errorf("with names asked for, %q became %q", in, named.Summary)
			}
		})
	}
	t.Logf("corpus: %d cases (%d listed for review); outside review: %d names leaked, %d ordinary words withheld; in review cases by default: %d leaked, %d withheld",
		len(corpus), reviewCases, leaked, withheld, reviewLeaked, reviewWithheld)
	if leaked != 0 || withheld != 0 {
		t.Errorf("outside review: %d names leaked, %d ordinary words withheld; want 0 and 0", leaked, withheld)
	}
}
