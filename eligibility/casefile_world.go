package eligibility

// WorldData returns the facts of the case file, for [NewWorld].
func (cf *CaseFile) WorldData() WorldData {
	return WorldData{Entities: cf.Entities, Stakes: cf.Stakes, Controls: cf.Controls, Lists: cf.Lists}
}
