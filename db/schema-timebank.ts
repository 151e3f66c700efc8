// Timebank tables. Merged into `Database` in schema.ts. Hours are bigint hundredths of an hour
// ("centihours"), like the ledger's HOUR unit; dates are "YYYY-MM-DD" strings (db/client.ts).
import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Centihours = ColumnType<bigint, bigint | string, bigint | string>;
type DateText = ColumnType<string, string, string>;

export type TimebankMemberStatus = "applied" | "active" | "left";
export type ExchangeStatus = "agreed" | "done" | "confirmed" | "cancelled";
export type ExchangeSide = "giver" | "receiver";
export type ListingKind = "offer" | "request";

export interface TimebankTable {
  id: Generated<number>;
  organisation_id: number;
  slug: string;
  name: string;
  description: Generated<string>;
  joining_gift_centihours: ColumnType<bigint, bigint | string | undefined, bigint | string>;
  min_balance_centihours: Centihours;
  max_balance_centihours: Centihours;
  pledge_centihours_per_week: ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;
  created_at: CreatedAt;
}

export interface TimebankMemberTable {
  id: Generated<number>;
  timebank_id: number;
  user_id: number | null;
  organisation_id: number | null;
  status: TimebankMemberStatus;
  skills_offered: Generated<string>;
  skills_wanted: Generated<string>;
  availability: Generated<string>;
  area: Generated<string>;
  access_needs: Generated<string>;
  pledge_centihours_per_week: ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;
  joined_on: ColumnType<string | null, string | null | undefined, string | null>;
  applied_at: CreatedAt;
  approved_by_user_id: number | null;
}

export interface TimebankExemptionTable {
  id: Generated<number>;
  member_id: number;
  starts_on: DateText;
  ends_on: DateText;
  reason: string;
  recorded_by_user_id: number;
  created_at: CreatedAt;
}

export interface TimebankListingTable {
  id: Generated<number>;
  timebank_id: number;
  member_id: number;
  kind: ListingKind;
  category: string;
  title: string;
  description: Generated<string>;
  status: Generated<"open" | "closed">;
  created_at: CreatedAt;
}

export interface TimebankExchangeTable {
  id: Generated<number>;
  timebank_id: number;
  status: ExchangeStatus;
  description: string;
  category: Generated<string>;
  exchange_date: DateText;
  listing_id: number | null;
  created_by_user_id: number;
  recorded_on_behalf: Generated<boolean>;
  created_at: CreatedAt;
  confirmed_at: Date | null;
  confirmed_by_user_id: number | null;
  entry_id: ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;
  reversal_entry_id: ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;
}

export interface TimebankExchangePartyTable {
  exchange_id: number;
  member_id: number;
  side: ExchangeSide;
  centihours: Centihours;
}

export interface TimebankDisputeTable {
  id: Generated<number>;
  exchange_id: number;
  raised_by_member_id: number;
  reason: string;
  raised_at: CreatedAt;
  outcome: "reversed" | "stands" | null;
  resolution_reason: string | null;
  resolved_by_user_id: number | null;
  resolved_at: Date | null;
}

export interface TimebankBlockTable {
  blocker_member_id: number;
  blocked_member_id: number;
  created_at: CreatedAt;
}

export interface TimebankPartnerTable {
  id: Generated<number>;
  timebank_id: number;
  name: string;
  description: Generated<string>;
  sponsor_member_id: number;
  contact_user_id: number | null;
  created_at: CreatedAt;
}

export interface TimebankRewardTable {
  id: Generated<number>;
  partner_id: number;
  title: string;
  price_centihours: Centihours;
  active: Generated<boolean>;
}

export interface TimebankRedemptionTable {
  id: Generated<number>;
  reward_id: number;
  member_id: number;
  code: string;
  centihours: Centihours;
  entry_id: ColumnType<bigint, bigint | string, never>;
  created_at: CreatedAt;
  used_at: Date | null;
  used_by_user_id: number | null;
  settled_entry_id: ColumnType<bigint | null, bigint | string | null | undefined, bigint | string | null>;
}

export interface TimebankTables {
  timebank_partner: TimebankPartnerTable;
  timebank_reward: TimebankRewardTable;
  timebank_redemption: TimebankRedemptionTable;
  timebank: TimebankTable;
  timebank_member: TimebankMemberTable;
  timebank_exemption: TimebankExemptionTable;
  timebank_listing: TimebankListingTable;
  timebank_exchange: TimebankExchangeTable;
  timebank_exchange_party: TimebankExchangePartyTable;
  timebank_dispute: TimebankDisputeTable;
  timebank_block: TimebankBlockTable;
}
