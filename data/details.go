package data

import "slices"

// MergeDetails copies into dst each detail that edited changes from base:
// a form that was filled in from base and then edited writes only what the
// person changed, over whatever dst holds now.
func MergeDetails(dst *Session, base, edited Session) {
	for _, f := range []struct{ dst, base, edited *string }{
		{&dst.Title, &base.Title, &edited.Title},
		{&dst.Community, &base.Community, &edited.Community},
		{&dst.Organisation, &base.Organisation, &edited.Organisation},
		{&dst.MeetingDate, &base.MeetingDate, &edited.MeetingDate},
		{&dst.Facilitator, &base.Facilitator, &edited.Facilitator},
		{&dst.FacilitatorTitle, &base.FacilitatorTitle, &edited.FacilitatorTitle},
		{&dst.Focus, &base.Focus, &edited.Focus},
		{&dst.Purpose, &base.Purpose, &edited.Purpose},
	} {
		if *f.edited != *f.base {
			*f.dst = *f.edited
		}
	}
	for _, r := range Roles {
		b, e := base.participant(r), edited.participant(r)
		if b.Count != e.Count || !slices.Equal(b.Names, e.Names) {
			dst.SetParticipants(e)
		}
	}
	for _, f := range CoverFields {
		if e := *f.Value(&edited.Cover); e != *f.Value(&base.Cover) {
			*f.Value(&dst.Cover) = e
		}
	}
}

// participant is the entry for role r, with a zero count when there is none.
func (s *Session) participant(r Role) Participants {
	for _, p := range s.Participants {
		if p.Role == r {
			return p
		}
	}
	return Participants{Role: r}
}

// SetParticipants sets the count and names for p.Role, adding the role
// when it is new. Other roles are kept as they are.
func (s *Session) SetParticipants(p Participants) {
	for i := range s.Participants {
		if s.Participants[i].Role == p.Role {
			s.Participants[i] = p
			return
		}
	}
	s.Participants = append(s.Participants, p)
}
