// Generated from ../shared/reference/authorities.csv (public facts; see WALES-FACTS.md).
// Children-looked-after counts are rounded published figures or estimates: synthetic data only.

import type { AuthorityFact, RegionFact } from './types.ts';

export const AUTHORITY_FACTS: readonly AuthorityFact[] = [
  { code: 'W06000001', nameEn: 'Isle of Anglesey', nameCy: 'Ynys Môn', orgCode: 'AGY', upnLaNumber: '660', regionCode: 'GWE', childrenLookedAfter2024: 145, fosterInsideAuthority2024: 75 },
  { code: 'W06000002', nameEn: 'Gwynedd', nameCy: 'Gwynedd', orgCode: 'GWN', upnLaNumber: '661', regionCode: 'GWE', childrenLookedAfter2024: 280, fosterInsideAuthority2024: 125 },
  { code: 'W06000003', nameEn: 'Conwy', nameCy: 'Conwy', orgCode: 'CWY', upnLaNumber: '662', regionCode: 'GWE', childrenLookedAfter2024: 220, fosterInsideAuthority2024: 100 },
  { code: 'W06000004', nameEn: 'Denbighshire', nameCy: 'Sir Ddinbych', orgCode: 'DEN', upnLaNumber: '663', regionCode: 'GWE', childrenLookedAfter2024: 210, fosterInsideAuthority2024: 90 },
  { code: 'W06000005', nameEn: 'Flintshire', nameCy: 'Sir y Fflint', orgCode: 'FLN', upnLaNumber: '664', regionCode: 'GWE', childrenLookedAfter2024: 235, fosterInsideAuthority2024: 80 },
  { code: 'W06000006', nameEn: 'Wrexham', nameCy: 'Wrecsam', orgCode: 'WRX', upnLaNumber: '665', regionCode: 'GWE', childrenLookedAfter2024: 310, fosterInsideAuthority2024: 120 },
  { code: 'W06000023', nameEn: 'Powys', nameCy: 'Powys', orgCode: 'POW', upnLaNumber: '666', regionCode: 'ERW', childrenLookedAfter2024: 245, fosterInsideAuthority2024: 100 },
  { code: 'W06000008', nameEn: 'Ceredigion', nameCy: 'Ceredigion', orgCode: 'CGN', upnLaNumber: '667', regionCode: 'ERW', childrenLookedAfter2024: 135, fosterInsideAuthority2024: 60 },
  { code: 'W06000009', nameEn: 'Pembrokeshire', nameCy: 'Sir Benfro', orgCode: 'PEM', upnLaNumber: '668', regionCode: 'ERW', childrenLookedAfter2024: 255, fosterInsideAuthority2024: 160 },
  { code: 'W06000010', nameEn: 'Carmarthenshire', nameCy: 'Sir Gaerfyrddin', orgCode: 'CMN', upnLaNumber: '669', regionCode: 'ERW', childrenLookedAfter2024: 260, fosterInsideAuthority2024: 175 },
  { code: 'W06000011', nameEn: 'Swansea', nameCy: 'Abertawe', orgCode: 'SWA', upnLaNumber: '670', regionCode: 'ERW', childrenLookedAfter2024: 490, fosterInsideAuthority2024: 265 },
  { code: 'W06000012', nameEn: 'Neath Port Talbot', nameCy: 'Castell-nedd Port Talbot', orgCode: 'NTL', upnLaNumber: '671', regionCode: 'ERW', childrenLookedAfter2024: 250, fosterInsideAuthority2024: 125 },
  { code: 'W06000013', nameEn: 'Bridgend', nameCy: 'Pen-y-bont ar Ogwr', orgCode: 'BGE', upnLaNumber: '672', regionCode: 'CSC', childrenLookedAfter2024: 370, fosterInsideAuthority2024: 185 },
  { code: 'W06000014', nameEn: 'Vale of Glamorgan', nameCy: 'Bro Morgannwg', orgCode: 'VGL', upnLaNumber: '673', regionCode: 'CSC', childrenLookedAfter2024: 335, fosterInsideAuthority2024: 145 },
  { code: 'W06000015', nameEn: 'Cardiff', nameCy: 'Caerdydd', orgCode: 'CRF', upnLaNumber: '681', regionCode: 'CSC', childrenLookedAfter2024: 1040, fosterInsideAuthority2024: 385 },
  { code: 'W06000016', nameEn: 'Rhondda Cynon Taf', nameCy: 'Rhondda Cynon Taf', orgCode: 'RCT', upnLaNumber: '674', regionCode: 'CSC', childrenLookedAfter2024: 795, fosterInsideAuthority2024: 370 },
  { code: 'W06000024', nameEn: 'Merthyr Tydfil', nameCy: 'Merthyr Tudful', orgCode: 'MTY', upnLaNumber: '675', regionCode: 'CSC', childrenLookedAfter2024: 170, fosterInsideAuthority2024: 80 },
  { code: 'W06000018', nameEn: 'Caerphilly', nameCy: 'Caerffili', orgCode: 'CAY', upnLaNumber: '676', regionCode: 'EAS', childrenLookedAfter2024: 440, fosterInsideAuthority2024: 205 },
  { code: 'W06000019', nameEn: 'Blaenau Gwent', nameCy: 'Blaenau Gwent', orgCode: 'BGW', upnLaNumber: '677', regionCode: 'EAS', childrenLookedAfter2024: 205, fosterInsideAuthority2024: 95 },
  { code: 'W06000020', nameEn: 'Torfaen', nameCy: 'Tor-faen', orgCode: 'TOF', upnLaNumber: '678', regionCode: 'EAS', childrenLookedAfter2024: 365, fosterInsideAuthority2024: 170 },
  { code: 'W06000021', nameEn: 'Monmouthshire', nameCy: 'Sir Fynwy', orgCode: 'MON', upnLaNumber: '679', regionCode: 'EAS', childrenLookedAfter2024: 120, fosterInsideAuthority2024: 55 },
  { code: 'W06000022', nameEn: 'Newport', nameCy: 'Casnewydd', orgCode: 'NWP', upnLaNumber: '680', regionCode: 'EAS', childrenLookedAfter2024: 325, fosterInsideAuthority2024: 150 },
];

export const REGION_FACTS: readonly RegionFact[] = [
  { code: 'GWE', nameEn: 'North Wales (GwE)', nameCy: 'Gogledd Cymru (GwE)' },
  { code: 'ERW', nameEn: 'South West and Mid Wales (ERW)', nameCy: 'De-orllewin a Chanolbarth Cymru (ERW)' },
  { code: 'CSC', nameEn: 'Central South', nameCy: 'Canol De Cymru' },
  { code: 'EAS', nameEn: 'South East (EAS)', nameCy: 'De-ddwyrain Cymru (EAS)' },
];
