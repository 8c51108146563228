/** The parties to a proposal: who proposed, supports or opposes it, and what they said about it. */

export type Stance = 'proposed' | 'supports' | 'opposes';

export interface PartyActor {
  documentId: string;
}

export interface PartyStatement {
  documentId: string;
  speaker?: { documentId: string } | null;
}

export interface ProposalParty<Actor extends PartyActor, Statement extends PartyStatement> {
  actor: Actor;
  stance: Stance;
  /** The proposal's statements said by this actor, in the order given. */
  statements: Statement[];
}

/**
 * One party per actor and stance, in the order proposed, supports, opposes. An actor listed with
 * two stances (proposed it, then opposed it) is two parties, each with the same statements: the
 * statements show the actor's words on the proposal, and which stance they bear out is the
 * reader's judgement, not the linker's.
 */
export function proposalParties<Actor extends PartyActor, Statement extends PartyStatement>(
  roles: { proposedBy?: Actor[] | null; supporters?: Actor[] | null; opponents?: Actor[] | null },
  statements: readonly Statement[]
): Array<ProposalParty<Actor, Statement>> {
  const bySpeaker = new Map<string, Statement[]>();
  for (const statement of statements) {
    const speaker = statement.speaker?.documentId;
    if (!speaker) continue;
    bySpeaker.set(speaker, [...(bySpeaker.get(speaker) ?? []), statement]);
  }
  const parties: Array<ProposalParty<Actor, Statement>> = [];
  const stances: Array<[Stance, Actor[] | null | undefined]> = [['proposed', roles.proposedBy], ['supports', roles.supporters], ['opposes', roles.opponents]];
  for (const [stance, actors] of stances) {
    const seen = new Set<string>();
    for (const actor of actors ?? []) {
      if (seen.has(actor.documentId)) continue;
      seen.add(actor.documentId);
      parties.push({ actor, stance, statements: bySpeaker.get(actor.documentId) ?? [] });
    }
  }
  return parties;
}
