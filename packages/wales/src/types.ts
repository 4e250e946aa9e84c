/** One of the 22 principal authorities, as published. */
export interface AuthorityFact {
  /** GSS code, e.g. W06000015. */
  readonly code: string;
  readonly nameEn: string;
  readonly nameCy: string;
  /** Three-letter GB-PLA code. */
  readonly orgCode: string;
  /** Three-digit number used inside UPNs (unverified: never used to reject a UPN). */
  readonly upnLaNumber: string;
  /** Historic education consortium, the default region membership. */
  readonly regionCode: string;
  /** Children looked after at 31 March 2024, rounded to 5 (some estimated). */
  readonly childrenLookedAfter2024: number;
  /** Of those, in foster care inside the authority. */
  readonly fosterInsideAuthority2024: number;
}

/** A regional education consortium. */
export interface RegionFact {
  readonly code: string;
  readonly nameEn: string;
  readonly nameCy: string;
}
