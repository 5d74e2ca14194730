package org.alcance.events.campaign;

/**
 * An event of one progress update. Its subject is the update, and its {@code sequence} is the update's
 * revision (1 when reported, then one more for each correction or retraction), so the updates of one campaign
 * are written, published and counted independently of each other: reach figures are sums, and only the
 * revisions of one update need an order. Version 1 of these types numbered them in the campaign's sequence
 * under the campaign's subject; consumers still read it.
 */
public sealed interface ProgressEvent extends CampaignEvent permits ProgressReported, ProgressCorrected, ProgressRetracted {

    String updateId();

    @Override
    default String subject() {
        return updateId();
    }
}
