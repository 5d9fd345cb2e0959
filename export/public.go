package export

import (
	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/export/report"
)

// PublicRecord is the one privacy step: the record as a public output may
// show it (see report.Public and privacy.Public), with names kept only when
// opt.Names and each finding withheld or kept as opt.Decisions say. Every
// writer here takes it first and draws only what it returns; each session
// is made public with its own people, so in a comparison one session's
// names never touch another's words. r is not changed.
func PublicRecord(fw *data.Framework, r *data.Record, opt Options) *data.Record {
	return report.Public(fw, r, opt.Names, opt.Decisions)
}

// Involvement is the patient and public involvement line from the counts:
// "7 people took part: 2 lay representatives and 5 service users."
func Involvement(s *data.Session) string { return report.Involvement(s) }

// TallyLine says how many people shaded a word on their own before the
// group agreed, or "" when there is no tally (see report.TallyLine).
func TallyLine(count, of *int) string { return report.TallyLine(count, of) }
