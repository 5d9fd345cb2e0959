package privacy

import (
	"strings"
	"unicode"
)

// Role is the part a person plays in a session.
type Role string

// The people a session names.
const (
	RoleParticipant Role = "participant"
	RoleFacilitator Role = "facilitator"
	RoleAuthor      Role = "author"
	RolePresenter   Role = "presenter"
	RoleExecutive   Role = "executive_lead"
)

// Officer reports whether people in this role present the paper in public
// and so print on the cover by default.
func (r Role) Officer() bool { return r == RoleAuthor || r == RolePresenter || r == RoleExecutive }

// Label is the role in plain words.
func (r Role) Label() string {
	switch r {
	case RoleParticipant:
		return "participant"
	case RoleFacilitator:
		return "facilitator"
	case RoleAuthor:
		return "the paper's author"
	case RolePresenter:
		return "the paper's presenter"
	case RoleExecutive:
		return "the paper's executive lead"
	}
	return string(r)
}

// Person is someone the session names: a name and, apart from it, a role
// or job title. The title is never redaction material.
type Person struct {
	Name  string
	Title string
	Role  Role
	Field string // the entry the person is recorded in, e.g. "cover.author"
}

// part is one word of a person's name.
type part struct {
	key      string // folded
	ordinary bool   // also an ordinary English word (Will, Hope, Mark)
	short    bool   // two letters (Ed, Jo): only matched as written, capitalised
}

// parts splits a name into the words that can name the person on their
// own: honorifics, particles (van, de), initials and letters after a name
// (OBE) are left out, since none of them alone names anyone.
func parts(name string) []part {
	var out []part
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || isHyphen(r) || r == ',' || r == '(' || r == ')' || r == '/' || r == '"' || r == '“' || r == '”'
	}) {
		k := strings.Trim(fold(w), ".'")
		if len([]rune(k)) < 2 || honorifics[k] || particles[k] || postNominals[k] || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, part{key: k, ordinary: ordinaryWords[k], short: len([]rune(k)) == 2 && !ordinaryWords[k]})
		// O'Neill is also written ONeill.
		if strings.Contains(k, "'") {
			if k2 := strings.ReplaceAll(k, "'", ""); !seen[k2] {
				seen[k2] = true
				out = append(out, part{key: k2, ordinary: ordinaryWords[k2]})
			}
		}
	}
	return out
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var honorifics = set(`mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend
	cllr councillor fr father sister brother canon hon rt`)

var particles = set(`van von der den de del della di da du dos das la le el al bin ibn bint ap st ter ten`)

var postNominals = set(`obe mbe cbe kbe dbe phd md mbbs frcp frcgp mrcgp rgn rmn bsc msc ma ba jp mp qc kc jr sr jnr snr ii iii`)

// ordinaryWords are name parts that are also everyday English words. Such a
// part is withheld only where it is written as a name.
var ordinaryWords = set(`will hope mark rose grace april may june august faith joy amber ruby pearl dawn
	summer autumn holly ivy iris lily daisy violet heather hazel olive sky rich frank gene jack pat sue rob
	bob don ray guy nick rod earl duke bishop baker smith cook cooper taylor marsh brown green white black
	gray grey young wood woods hill lane field fields shepherd mason carter turner parker hunter fisher
	miller walker wells banks rivers stone bell page hall house king knight price cash bush moss ash reed
	rush case chase bond hart long short little small lamb fox wolf crane swan finch drake hawk rook
	bird gold silver penny sterling hope patience constance prudence victor rich sunny star storm
	brook river forest glen dale dean chance chase cliff clay cole colt cross dell dust lake lea
	may mercy noble norman rowan sage sandy scott sharp strong sweet tanner ward wise wright clark
	cherry ginger honey jade jasper jewel melody poppy primrose rosemary saffron bliss harmony
	will bill bud ernest hunt joyce kitty lance mark max miles neil nelson newton pierce ray roger
	sonny stuart tom viola wade warren wiley win winter york ivy major minor`)

// placeAfter are words that, following a capitalised ordinary word, make
// it a place rather than a person (Hope Street, Rose Ward).
var placeAfter = set(`street road lane avenue close way drive place square park hospital house centre center
	ward unit surgery practice medical clinic court gardens hill crescent terrace row walk building
	school college university church chapel farm estate`)

// determiners before a capitalised ordinary word make it a thing (the Bill).
var determiners = set(`the a an this that these those our their its your my every each some any no`)

var months = set(`january february march april may june july august september october november december`)
