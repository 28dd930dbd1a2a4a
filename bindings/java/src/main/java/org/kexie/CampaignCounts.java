// Counts of a campaign (kx_campaign_counts).
package org.kexie;

/**
 * Number of entries and judges of a campaign.
 *
 * <pre>{@code campaign.counts().entries()}</pre>
 *
 * @param entries the entries
 * @param judges the judges
 */
public record CampaignCounts(long entries, long judges) {}
