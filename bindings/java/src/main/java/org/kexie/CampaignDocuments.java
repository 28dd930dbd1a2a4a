package org.kexie;

/**
 * A live campaign written as documents: its rules ({@code kexie.campaign/1}) and its
 * entries, judges, assignments, marks and vetoes ({@code kexie.entries/1}), both
 * canonical; {@link Campaign#fromDocuments} reads them back to the same scoreboard digest.
 *
 * <pre>{@code CampaignDocuments d = campaign.toDocuments(); Files.writeString(p, d.rules());}</pre>
 *
 * @param rules the kexie.campaign/1 text
 * @param entries the kexie.entries/1 text
 */
public record CampaignDocuments(String rules, String entries) {}
