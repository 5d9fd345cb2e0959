package export

import (
	"github.com/ppei-iceberg/iceberg/data"
	"github.com/ppei-iceberg/iceberg/data/privacy"
)

// PublicRecord is the one privacy step: the record as a public output may
// show it (see privacy.Public), with names kept only when opt.Names and
// each finding withheld or kept as opt.Decisions say. Every writer here
// takes it first and draws only what it returns; each session is made
// public with its own people, so in a comparison one session's names never
// touch another's words. r is not changed.
func PublicRecord(fw *data.Framework, r *data.Record, opt Options) *data.Record {
	if r == nil {
		return nil
	}
	pub, _, _ := privacy.Public(r, fw, opt.Decisions[r.ID], opt.Names)
	return pub
}
