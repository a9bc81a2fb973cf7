package nl.retentiewerkboek.imports;

import java.util.Locale;

/**
 * Why a readable row or order is not a purchase (or a survey row not an answer); counted once per order and shown
 * beside the rows used.
 */
public enum SkipReason {
    /** No e-mail, customer id or name: a till sale, for instance. */
    NO_CUSTOMER,
    /** Refunded or voided as a whole, or refunded down to nothing. */
    REFUNDED,
    /** Cancelled. */
    CANCELLED,
    /** Not paid: failed, expired, open, pending. */
    NOT_PAID,
    /** A refund or chargeback of its own, not a sale. */
    REFUND,
    /** Money going out of the account (a debit). */
    MONEY_OUT,
    /** A negative amount in a list that has no refunds: not a purchase. */
    NEGATIVE,
    /** A credit note: not a purchase, but taken off its customer's revenue. */
    CREDIT,
    /**
     * Money paid out by a payment service or marketplace (Mollie, Stripe, bol.com …) in a bank file: many customers'
     * purchases in one booking, counted in that system's own export.
     */
    PAYOUT,
    /** A row that moves no money from a customer: a PayPal memo, currency conversion or transfer. */
    NO_SALE,
    /** A survey response the tool marks as not finished. */
    PARTIAL,
    /** A survey response without an answer to the 0–10 question. */
    NO_ANSWER,
    /** A second or third header row, as SurveyMonkey and Qualtrics write them. */
    EXTRA_HEADER;

    public String messageKey() {
        return "import.skip." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
