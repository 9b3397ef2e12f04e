// Package preset holds policies for real regimes, ready to use: the OFAC 50 Percent Rule,
// the BIS Affiliates Rule, the EU and UK ownership-and-control tests, and the seed policy
// that eligo was built for. Each is a function that returns an [eligibility.Policy] as
// data, so that it can be printed, diffed, saved as a case file or changed in a test.
//
// A preset names designation lists by the ids of the caller's world (a list imported from
// the OFAC SDN file might be "ofac-sdn"); pass the ids you use.
//
// Every preset states, in its doc comment, its source and every choice made where the
// source is silent. A preset is a reading of public guidance, not legal advice: where the
// guidance asks for judgment (control, influence, "linked to"), the preset says review.
package preset

import (
	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/jurisdiction"
	"github.com/eligo/eligo/ownership"
)

func day(s string) eligibility.Date { return ownership.MustParseDate(s) }

func pct(n int) eligibility.Percent { return ownership.PercentOf(n) }

// OFAC50 is the OFAC 50 Percent Rule: "Any entity owned in the aggregate, directly or
// indirectly, 50 percent or more by one or more blocked persons is itself considered to be a
// blocked person", whether or not it is listed.
//
// Source: OFAC, "Revised Guidance on Entities Owned by Persons Whose Property and
// Interests in Property Are Blocked" (13 August 2014; 79 Fed. Reg. 47726), quoted above,
// and the FAQs published with it: FAQ 398 (the rule "speaks only to ownership and not to
// control"), FAQ 401 (indirect ownership: a blocked entity's whole stake counts; a stake held
// through an entity that is not blocked does not), and the FAQ stating that the interests of
// persons blocked under different programs are aggregated.
//
// Choices where the source is silent or asks for judgment:
//   - Method flow_through (FAQ 401's examples), aggregated across all of sdnLists and
//     programs.
//   - Control facts are ignored (FAQ 398): OFAC urges caution, which a user may add as a
//     review-mapped control.
//   - Undisclosed remainders and share ranges that could reach 50% give review: OFAC
//     expects due diligence on ownership stakes that cannot be established.
//   - Listing itself denies (the designation rule "listed").
func OFAC50(sdnLists ...string) eligibility.Policy {
	return eligibility.Policy{ID: "ofac-50-percent-rule", Rules: []eligibility.Rule{
		{ID: "ofac-listed", Kind: eligibility.DesignationRule, Effect: eligibility.Deny, Lists: sdnLists},
		{
			ID: "ofac-50-percent", Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			Restricted: eligibility.Restricted{Lists: sdnLists},
			Threshold:  pct(50), HasThreshold: true, Inclusive: true, HasInclusive: true,
			Aggregate: true, Method: ownership.FlowThrough,
		},
	}}
}

// BISAffiliates is the BIS Affiliates Rule: the license requirements of the Entity List, the
// Military End-User List and of parties sanctioned under §744.8 extend to foreign entities
// owned 50 percent or more, directly or indirectly, individually or in the aggregate, by
// such parties.
//
// Source: BIS interim final rule "Expansion of End-User Controls To Cover Affiliates of
// Certain Listed Entities" (in effect 29 September 2025), and BIS final rule "One Year
// Suspension of Expansion of End-User Controls for Affiliates of Certain Listed Entities"
// (suspending it from 10 November 2025 to 9 November 2026). BIS Entity List FAQ 45: a
// foreign branch is part of the listed legal person.
//
// Choices where the source is silent or asks for judgment:
//   - The ownership rule is in effect 2025-09-29 to 2025-11-09 and again from 2026-11-10
//     (the suspension ends unless extended: update the preset if BIS extends it).
//   - Method flow_through, aggregated across lists (the rule adopts OFAC's 50% test).
//   - "Significant minority ownership" is a red flag in the rule's guidance: a definite
//     share of 25% or more gives review (review_at 25).
//   - Control indicators (board_majority, voting_agreement, golden_share, de_facto) give
//     review, not deny: the rule's bright line is ownership.
//   - Listing itself denies at all times.
func BISAffiliates(lists ...string) eligibility.Policy {
	review := ownership.ControlReview
	return eligibility.Policy{ID: "bis-affiliates-rule", Rules: []eligibility.Rule{
		{ID: "bis-listed", Kind: eligibility.DesignationRule, Effect: eligibility.Deny, Lists: lists},
		{
			ID: "bis-affiliates", Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			InEffect: []eligibility.Interval{
				{From: day("2025-09-29"), Until: day("2025-11-10")},
				{From: day("2026-11-10")},
			},
			Restricted: eligibility.Restricted{Lists: lists},
			Threshold:  pct(50), HasThreshold: true, Inclusive: true, HasInclusive: true,
			Aggregate: true, Method: ownership.FlowThrough,
			ReviewAt: pct(25), HasReviewAt: true,
			Controls: map[ownership.Basis]ownership.ControlEffect{
				ownership.BoardMajority: review, ownership.VotingAgreement: review,
				ownership.GoldenShare: review, ownership.DeFacto: review,
			},
		},
	}}
}

// EUOwnershipControl is the EU asset-freeze test of ownership and control: an entity owned
// (more than 50% before 3 July 2024; 50% or more since) or controlled by listed persons is
// treated as theirs.
//
// Source: Council of the EU, "EU Best Practices for the effective implementation of
// restrictive measures" (ownership at "more than 50%" until the 2024 update, which set "50%
// or more"; criteria of control such as the right to appoint or remove a majority of the
// board); European Commission FAQ on Regulation 269/2014 (8 April 2022: holdings of
// several listed persons are aggregated, "30%" and "25%" making an entity owned).
//
// Choices where the source is silent or asks for judgment:
//   - Two ownership rules with in_effect windows switch the threshold on 2024-07-03.
//   - Method flow_through, aggregated.
//   - Control criteria that the Best Practices list as establishing control deny:
//     board_majority, voting_agreement, rights_of_another; indicators that need an
//     assessment review: contract, golden_share, option, de_facto.
//   - Article 5aa of Regulation 833/2014 (a separate >50% test for its listed entities) is
//     not modelled here: build it with its own rule if you need it.
func EUOwnershipControl(lists ...string) eligibility.Policy {
	deny, review := ownership.ControlDeny, ownership.ControlReview
	controls := map[ownership.Basis]ownership.ControlEffect{
		ownership.BoardMajority: deny, ownership.VotingAgreement: deny, ownership.RightsOfAnother: deny,
		ownership.Contract: review, ownership.GoldenShare: review, ownership.Option: review, ownership.DeFacto: review,
	}
	rule := func(id string, inclusive bool, in eligibility.Interval) eligibility.Rule {
		return eligibility.Rule{
			ID: id, Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			InEffect:   []eligibility.Interval{in},
			Restricted: eligibility.Restricted{Lists: lists},
			Threshold:  pct(50), HasThreshold: true, Inclusive: inclusive, HasInclusive: true,
			Aggregate: true, Method: ownership.FlowThrough, Controls: controls,
		}
	}
	return eligibility.Policy{ID: "eu-ownership-and-control", Rules: []eligibility.Rule{
		{ID: "eu-listed", Kind: eligibility.DesignationRule, Effect: eligibility.Deny, Lists: lists},
		rule("eu-owned-over-50", false, eligibility.Interval{Until: day("2024-07-03")}),
		rule("eu-owned-50-or-more", true, eligibility.Interval{From: day("2024-07-03")}),
	}}
}

// UKOFSI is the UK test of ownership and control under the Sanctions and Anti-Money
// Laundering Act 2018 regulations: an entity is owned or controlled by a designated person
// who holds, directly or indirectly, more than 50% of its shares or voting rights, or the
// right to appoint or remove a majority of its board, or whose wishes it can be expected
// to follow.
//
// Source: the UK Russia (Sanctions) (EU Exit) Regulations 2019 regulation 7 and the
// "owned or controlled" schedule (Schedule 1 to the Sanctions and Anti-Money Laundering Act
// 2018 style: joint arrangements, rights of another, majority stakes); OFSI, "General
// guidance for financial sanctions under the Sanctions and Anti-Money Laundering Act 2018",
// section 4.14 (holdings of different designated persons are not aggregated unless they
// act jointly).
//
// Choices where the source is silent or asks for judgment:
//   - Per holder (aggregate false): each designated person, with the stakes of any joint
//     arrangement it is party to, itself or through an entity it holds or controls, on
//     its own; indirect holdings through majority stakes (flow_through per holder).
//   - board_majority and rights_of_another deny; de_facto ("reasonable to expect" that the
//     entity follows the person's wishes) and other bases review.
func UKOFSI(lists ...string) eligibility.Policy {
	deny, review := ownership.ControlDeny, ownership.ControlReview
	return eligibility.Policy{ID: "uk-ofsi-owned-or-controlled", Rules: []eligibility.Rule{
		{ID: "uk-listed", Kind: eligibility.DesignationRule, Effect: eligibility.Deny, Lists: lists},
		{
			ID: "uk-owned-or-controlled", Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			Restricted: eligibility.Restricted{Lists: lists},
			Threshold:  pct(50), HasThreshold: true, Inclusive: false, HasInclusive: true,
			Aggregate: false, Method: ownership.FlowThrough,
			Controls: map[ownership.Basis]ownership.ControlEffect{
				ownership.BoardMajority: deny, ownership.RightsOfAnother: deny,
				ownership.VotingAgreement: review, ownership.Contract: review, ownership.GoldenShare: review,
				ownership.Option: review, ownership.DeFacto: review,
			},
		},
	}}
}

// DefaultUnsupported is the seed policy's set of unsupported regions: China, Russia, Iran
// and North Korea. Hong Kong, Macao and Taiwan are not in it (see the jurisdiction package).
func DefaultUnsupported() []jurisdiction.Code {
	return []jurisdiction.Code{jurisdiction.MustParse("CN"), jurisdiction.MustParse("RU"), jurisdiction.MustParse("IR"), jurisdiction.MustParse("KP")}
}

// Seed is the policy eligo was built for: an AI provider's September 2025 terms, which stop
// serving "entities that are more than 50% owned, directly or indirectly, by companies
// headquartered in unsupported regions", wherever they operate, and its February 2026
// statement that it had cut off firms linked to the Chinese Communist Party, some of them
// on the US Section 1260H list of Chinese Military Companies.
//
// unsupported is the set of regions (nil means [DefaultUnsupported]); cmcLists are the ids
// of the Section 1260H lists in the world (none: no designation rule).
//
// Choices where the source is silent or asks for judgment:
//   - Entities headquartered or incorporated in an unsupported region are denied
//     (include_subdivisions: CN covers CN-BJ…, never HK, MO or TW unless named).
//   - Ownership: more than 50% (inclusive false), aggregated ("companies", plural), by
//     companies headquartered in an unsupported region; the text says "directly or
//     indirectly" and no method, so compare: where flow-through and multiplicative disagree
//     the answer is review.
//   - Board majority control denies ("ownership structures that subject them to control");
//     other control facts review.
//   - Listing on the 1260H list reviews: "linked to" the Party is not a published bright
//     line, and the list has no automatic subsidiaries.
func Seed(unsupported []jurisdiction.Code, cmcLists ...string) eligibility.Policy {
	if unsupported == nil {
		unsupported = DefaultUnsupported()
	}
	review := ownership.ControlReview
	p := eligibility.Policy{ID: "seed-unsupported-regions", Rules: []eligibility.Rule{
		{
			ID: "hq-in-unsupported-region", Kind: eligibility.JurisdictionRule, Effect: eligibility.Deny,
			Roles:         []eligibility.Role{eligibility.Headquarters, eligibility.Incorporation},
			Jurisdictions: unsupported,
		},
		{
			ID: "owned-from-unsupported-region", Kind: eligibility.OwnershipRule, Effect: eligibility.Deny,
			Restricted: eligibility.Restricted{Roles: []eligibility.Role{eligibility.Headquarters}, In: unsupported, HasJurisdictions: true},
			Threshold:  pct(50), HasThreshold: true, Inclusive: false, HasInclusive: true,
			Aggregate: true, Method: ownership.Compare,
			Controls: map[ownership.Basis]ownership.ControlEffect{
				ownership.BoardMajority: ownership.ControlDeny, ownership.VotingAgreement: review,
				ownership.RightsOfAnother: review, ownership.DeFacto: review,
			},
		},
	}}
	if len(cmcLists) > 0 {
		p.Rules = append(p.Rules, eligibility.Rule{
			ID: "listed-chinese-military-company", Kind: eligibility.DesignationRule, Effect: eligibility.Review, Lists: cmcLists,
		})
	}
	return p
}
