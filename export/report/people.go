package report

import (
	"fmt"

	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
	"github.com/ppei-iceberg/iceberg/export/mapmodel"
)

// Public is the one privacy step every public output takes: the record as
// a public output may show it (see privacy.Public), with names kept only
// when names is set and each finding withheld or kept as decisions say.
// r is not changed; a nil r gives nil.
func Public(fw *data.Framework, r *data.Record, names bool, decisions map[int64]privacy.Decisions) *data.Record {
	if r == nil {
		return nil
	}
	pub, _, _ := privacy.Public(r, fw, decisions[r.ID], names)
	return pub
}

// Involvement is the patient and public involvement line from the
// counts, as every board paper prints it: "7 people took part: 2 lay
// representatives and 5 service users."
func Involvement(s *data.Session) string {
	total := s.TotalParticipants()
	if total == 0 {
		return "No participants were recorded for this session."
	}
	var parts []string
	for _, role := range data.Roles {
		if n := s.Count(role); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, role.Plural(n)))
		}
	}
	people := "people"
	if total == 1 {
		people = "person"
	}
	return fmt.Sprintf("%d %s took part: %s.", total, people, mapmodel.JoinAnd(parts))
}

// TallyLine says how many people shaded a word on their own before the
// group agreed: "4 of 9 people shaded this on their own", or without the
// total when it was not recorded. It is "" when there is no tally.
func TallyLine(count, of *int) string {
	if count == nil || *count < 0 {
		return ""
	}
	n := *count
	if of != nil && *of > 0 && n <= *of {
		people := "people"
		if *of == 1 {
			people = "person"
		}
		return fmt.Sprintf("%d of %d %s shaded this on their own", n, *of, people)
	}
	if n == 1 {
		return "1 person shaded this on their own"
	}
	return fmt.Sprintf("%d people shaded this on their own", n)
}
