/** Why a peer's message is not applied; the sender shows it in its backlog and tries again later (ADR 0013). */
export class RefusedMessage extends Error {}
