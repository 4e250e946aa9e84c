// Towns, villages and districts in each authority, used only to name synthetic schools.
// 'English|Cymraeg' where the names differ; one name where they are the same.

export interface Place {
  readonly en: string;
  readonly cy: string;
}

const RAW_PLACES: Readonly<Record<string, readonly string[]>> = {
  W06000001: [
    'Holyhead|Caergybi', 'Llangefni', 'Amlwch', 'Beaumaris|Biwmares', 'Menai Bridge|Porthaethwy', 'Benllech',
    'Llanfairpwll', 'Rhosneigr', 'Bodedern', 'Cemaes', 'Gaerwen', 'Newborough|Niwbwrch', 'Valley|Y Fali',
    'Llannerch-y-medd', 'Moelfre', 'Pentraeth', 'Bryngwran', 'Brynsiencyn', 'Aberffraw', 'Rhos-y-bol',
    'Llanfaethlu', 'Dwyran', 'Llanfechell', 'Llandegfan',
  ],
  W06000002: [
    'Caernarfon', 'Bangor', 'Pwllheli', 'Porthmadog', 'Blaenau Ffestiniog', 'Bala|Y Bala', 'Dolgellau', 'Tywyn',
    'Criccieth|Cricieth', 'Bethesda', 'Llanberis', 'Penrhyndeudraeth', 'Nefyn', 'Abersoch', 'Harlech',
    'Barmouth|Abermaw', 'Deiniolen', 'Pen-y-groes', 'Llanrug', 'Bontnewydd', 'Aberdaron', 'Botwnnog',
    'Llanystumdwy', 'Trawsfynydd', 'Waunfawr', 'Rhosgadfan', 'Tregarth', 'Chwilog', 'Llanaelhaearn',
    'Dyffryn Ardudwy', 'Corris', 'Llanuwchllyn', 'Rhostryfan', 'Beddgelert',
  ],
  W06000003: [
    'Conwy', 'Llandudno', 'Colwyn Bay|Bae Colwyn', 'Abergele', 'Llanrwst', 'Betws-y-Coed', 'Penmaenmawr',
    'Llanfairfechan', 'Kinmel Bay|Bae Cinmel', 'Towyn', 'Old Colwyn|Hen Golwyn', 'Rhos-on-Sea|Llandrillo-yn-Rhos',
    'Deganwy', 'Llysfaen', 'Cerrigydrudion', 'Dolwyddelan', 'Llanddulas', 'Glan Conwy', 'Eglwysbach',
    'Betws-yn-Rhos', 'Penrhyn Bay|Bae Penrhyn', 'Mochdre', 'Llangernyw',
  ],
  W06000004: [
    'Denbigh|Dinbych', 'Rhyl|Y Rhyl', 'Prestatyn', 'Ruthin|Rhuthun', 'Corwen', 'Llangollen', 'St Asaph|Llanelwy',
    'Rhuddlan', 'Dyserth|Diserth', 'Bodelwyddan', 'Meliden|Gallt Melyd', 'Llandyrnog', 'Llanfair Dyffryn Clwyd',
    'Trefnant', 'Cyffylliog', 'Gellifor', 'Henllan', 'Bodfari', 'Carrog', 'Llandrillo', 'Clocaenog', 'Llanbedr',
  ],
  W06000005: [
    'Mold|Yr Wyddgrug', 'Flint|Y Fflint', 'Holywell|Treffynnon', 'Buckley|Bwcle', "Connah's Quay|Cei Connah",
    'Shotton', 'Queensferry', 'Saltney', 'Broughton', 'Hawarden|Penarlâg', 'Mynydd Isa', 'Caerwys',
    'Greenfield|Maes-glas', 'Bagillt', 'Ewloe', 'Penyffordd', 'Hope|Yr Hôb', 'Caergwrle', 'Sealand',
    'Northop|Llaneurgain', 'Leeswood|Coed-llai', 'Gronant', 'Trelawnyd', 'Mostyn', 'Sychdyn', 'Treuddyn',
  ],
  W06000006: [
    'Wrexham|Wrecsam', 'Gresford|Groesffordd', 'Rhosllanerchrugog', 'Ruabon|Rhiwabon', 'Chirk|Y Waun', 'Coedpoeth',
    'Brymbo', 'Gwersyllt', 'Cefn Mawr', 'Acrefair', 'Johnstown', 'Llay|Llai', 'Rossett|Yr Orsedd', 'Marford',
    'Overton|Owrtyn', 'Bangor-on-Dee|Bangor Is-coed', 'Penycae', 'Ponciau', 'Borras', 'Acton', 'Hightown',
    'Caia Park|Parc Caia', 'Minera|Mwynglawdd', 'Holt', 'Bronington', 'Glyn Ceiriog',
  ],
  W06000023: [
    'Newtown|Y Drenewydd', 'Welshpool|Y Trallwng', 'Llandrindod Wells|Llandrindod', 'Brecon|Aberhonddu',
    'Builth Wells|Llanfair-ym-Muallt', 'Machynlleth', 'Llanidloes', 'Knighton|Tref-y-clawdd', 'Presteigne|Llanandras',
    'Crickhowell|Crucywel', 'Hay-on-Wye|Y Gelli Gandryll', 'Ystradgynlais', 'Rhayader|Rhaeadr Gwy', 'Llanfyllin',
    'Montgomery|Trefaldwyn', 'Talgarth', 'Llanwrtyd Wells|Llanwrtyd', 'Caersws', 'Llanfair Caereinion',
    'Sennybridge|Pontsenni', 'Churchstoke|Yr Ystog', 'Guilsfield|Cegidfa', 'Berriew|Aberriw', 'Tregynon', 'Carno',
    'Llangynidr', 'Llanbister', 'Kerry|Ceri', 'Meifod', 'Llansanffraid',
  ],
  W06000008: [
    'Aberystwyth', 'Cardigan|Aberteifi', 'Lampeter|Llanbedr Pont Steffan', 'Aberaeron', 'New Quay|Ceinewydd',
    'Tregaron', 'Llandysul', 'Borth', 'Bow Street', 'Llan-non', 'Penparcau', 'Tal-y-bont', 'Llanarth',
    'Penrhyn-coch', 'Ffostrasol', 'Capel Dewi', 'Llangrannog', 'Beulah', 'Aberporth', 'Felinfach',
    'Pontrhydfendigaid', 'Llanilar', 'Comins Coch', 'Llanafan', 'Llanfarian', 'Cilcennin',
  ],
  W06000009: [
    'Haverfordwest|Hwlffordd', 'Milford Haven|Aberdaugleddau', 'Pembroke|Penfro', 'Pembroke Dock|Doc Penfro',
    'Tenby|Dinbych-y-pysgod', 'Fishguard|Abergwaun', 'Narberth|Arberth', 'St Davids|Tyddewi', 'Neyland',
    'Saundersfoot', 'Goodwick|Wdig', 'Newport|Trefdraeth', 'Crymych', 'Johnston', 'Kilgetty|Cilgeti',
    'Letterston|Treletert', 'Solva|Solfach', 'Manorbier|Maenorbŷr', 'Hakin', 'Maenclochog', 'Lamphey|Llandyfái',
    'Begelly', 'Prendergast', 'Broad Haven', 'Hundleton', 'Monkton',
  ],
  W06000010: [
    'Carmarthen|Caerfyrddin', 'Llanelli', 'Ammanford|Rhydaman', 'Burry Port|Porth Tywyn', 'Kidwelly|Cydweli',
    'Llandeilo', 'Llandovery|Llanymddyfri', 'Newcastle Emlyn|Castellnewydd Emlyn', 'St Clears|Sanclêr',
    'Whitland|Hendy-gwyn', 'Pembrey|Pen-bre', 'Tumble|Y Tymbl', 'Cross Hands', 'Glanamman|Glanaman',
    'Brynamman|Brynaman', 'Llanybydder', 'Pontyberem', 'Trimsaran', 'Llangennech', 'Hendy|Yr Hendy', 'Felinfoel',
    'Dafen', 'Bynea', 'Pwll', 'Furnace|Ffwrnes', 'Ffairfach', 'Llansteffan', 'Laugharne|Talacharn', 'Cwmann',
    'Llandybie|Llandybïe', 'Saron', 'Gorslas', 'Drefach', 'Nantgaredig', 'Abergwili', 'Meidrim',
  ],
  W06000011: [
    'Morriston|Treforys', 'Sketty|Sgeti', 'Gorseinon', 'Pontarddulais', 'Clydach', 'Townhill', 'Mumbles|Mwmbwls',
    'Gowerton|Tre-gŵyr', 'Penlan', 'Bonymaen|Bôn-y-maen', 'St Thomas|San Tomos', 'Killay|Cilâ', 'Dunvant|Dyfnant',
    'Loughor|Casllwchwr', 'Penclawdd', 'Llansamlet', 'Landore|Glandŵr', 'Brynhyfryd', 'Uplands', 'Waunarlwydd',
    'Cwmbwrla', 'Gendros', 'Blaen-y-maes', 'Penderry|Penderi', 'Mayhill', 'Birchgrove|Gellifedw', 'Pennard',
    'Bishopston|Llandeilo Ferwallt', 'Newton', 'Pentrechwyth', 'Portmead', 'Plasmarl', 'Pontlliw',
  ],
  W06000012: [
    'Neath|Castell-nedd', 'Port Talbot', 'Briton Ferry|Llansawel', 'Aberavon|Aberafan', 'Sandfields', 'Baglan',
    'Cwmafan', 'Skewen|Sgiwen', 'Glynneath|Glyn-nedd', 'Pontardawe', 'Ystalyfera', 'Resolven|Resolfen', 'Cimla',
    'Tonna', 'Crynant', 'Seven Sisters|Blaendulais', 'Margam', 'Taibach|Tai-bach', 'Cymmer|Cymer', 'Bryn-coch',
    'Alltwen', "Godre'r-graig", 'Cadoxton|Llangatwg', 'Melincryddan', 'Coedffranc', 'Cwmllynfell',
  ],
  W06000013: [
    'Bridgend|Pen-y-bont ar Ogwr', 'Maesteg', 'Porthcawl', 'Pencoed', 'Brackla|Bracla', 'Pyle|Y Pîl',
    'Kenfig Hill|Mynydd Cynffig', 'Cefn Glas', 'Ogmore Vale|Cwm Ogwr', 'Nantymoel', 'Blackmill|Melin Ifan Ddu', 'Tondu',
    'Aberkenfig|Abercynffig', 'Sarn', 'Caerau', 'Nantyffyllon', 'Llangynwyd', 'Coity|Coety', 'Litchard',
    'Cornelly|Corneli', 'Bryntirion', 'Betws', 'Cefn Cribwr', 'Pontycymer', 'Nottage|Notais', 'Oldcastle',
  ],
  W06000014: [
    'Barry|Y Barri', 'Penarth', 'Llantwit Major|Llanilltud Fawr', 'Cowbridge|Y Bont-faen', 'Dinas Powys',
    'Rhoose|Y Rhws', 'Sully|Sili', 'St Athan|Sain Tathan', 'Wenvoe|Gwenfô', 'Llandough|Llandochau',
    'Peterston-super-Ely|Llanbedr-y-fro', 'St Nicholas|Sain Nicolas', 'Colcot', 'Gladstone', 'Palmerston',
    'Cadoxton|Tregatwg', 'Gibbonsdown', 'Romilly', 'Holton', 'Evenlode', 'Ystradowen', 'Pendoylan|Pendeulwyn',
    'Llancarfan', 'Eagleswell',
  ],
  W06000015: [
    'Canton|Treganna', 'Grangetown', 'Roath|Y Rhath', 'Splott|Sblot', 'Adamsdown|Y Waun Ddyfal', 'Cathays',
    'Llandaff|Llandaf', 'Whitchurch|Yr Eglwys Newydd', 'Rhiwbina|Rhiwbeina', 'Llanishen|Llanisien', 'Lisvane|Llys-faen',
    'Pentwyn', 'Llanrumney|Llanrhymni', 'Rumney|Rhymni', 'Trowbridge|Tredelerch', 'St Mellons|Llaneirwg',
    'Ely|Trelái', 'Caerau', 'Fairwater|Y Tyllgoed', 'Radyr|Radur', 'Pentyrch', 'Creigiau', 'Butetown|Tre-biwt',
    'Heath|Y Mynydd Bychan', 'Gabalfa', 'Llandaff North|Ystum Taf', 'Tongwynlais', 'Pontprennau', 'Cyncoed',
    'Penylan|Pen-y-lan', 'Danescourt', 'Thornhill|Draenen Pen-y-graig',
  ],
  W06000016: [
    'Pontypridd', 'Aberdare|Aberdâr', 'Treorchy|Treorci', 'Tonypandy', 'Porth', 'Ferndale|Glynrhedynog',
    'Mountain Ash|Aberpennar', 'Llantrisant', 'Talbot Green|Tonysguboriau', 'Tonyrefail', "Church Village|Pentre'r Eglwys",
    'Beddau', 'Ynysybwl|Ynys-y-bwl', 'Abercynon', 'Hirwaun', 'Penywaun|Pen-y-waun', 'Trecynon', 'Cwmdare|Cwm-dâr',
    'Llwydcoed', 'Treherbert', 'Ton Pentre', 'Ystrad', 'Tylorstown|Pendyrus', 'Maerdy', 'Trealaw',
    'Penygraig|Pen-y-graig', 'Williamstown', 'Gilfach Goch|Y Gilfach-goch', 'Llanharan', 'Llanharry|Llanhari',
    'Pontyclun|Pont-y-clun', 'Cilfynydd', 'Rhydyfelin|Rhydfelen', "Taffs Well|Ffynnon Taf", 'Llwynypia', 'Cwmbach',
    'Aberaman', 'Penrhiwceiber|Penrhiw-ceibr',
  ],
  W06000024: [
    'Merthyr Tydfil|Merthyr Tudful', 'Dowlais', 'Troedyrhiw|Troed-y-rhiw', 'Treharris', 'Aberfan',
    'Merthyr Vale|Ynysowen', 'Pentrebach', 'Gurnos', 'Penydarren', 'Cyfarthfa', 'Heolgerrig', 'Twynyrodyn', 'Pant',
    'Abercanaid', 'Bedlinog', 'Trelewis', 'Georgetown', 'Gellifaelog', 'Quakers Yard|Mynwent y Crynwyr', 'Vaynor|Y Faenor',
  ],
  W06000018: [
    'Caerphilly|Caerffili', 'Blackwood|Coed-duon', 'Ystrad Mynach', 'Bargoed', 'Risca|Rhisga', 'Newbridge|Trecelyn',
    'Rhymney|Rhymni', 'Nelson', 'Abercarn', 'Crosskeys|Pont-y-cymer', 'Bedwas', 'Trethomas', 'Machen', 'Llanbradach',
    'Penyrheol|Pen-yr-heol', 'Abertridwr', 'Senghenydd', 'Hengoed', 'Gelligaer|Gelli-gaer', 'Aberbargoed', 'Pengam',
    'Pontllanfraith', 'Oakdale', 'Markham', 'Argoed', 'Cefn Fforest', 'Deri', 'Fochriw', 'New Tredegar|Tredegar Newydd',
    'Ynysddu', 'Cwmcarn', 'Maesycwmmer|Maesycwmwr', 'Cwmfelinfach',
  ],
  W06000019: [
    'Ebbw Vale|Glynebwy', 'Tredegar', 'Abertillery|Abertyleri', 'Brynmawr|Bryn-mawr', 'Blaina|Blaenau',
    'Nantyglo|Nant-y-glo', 'Cwm', 'Llanhilleth|Llanhiledd', 'Beaufort|Cendl', 'Rassau', 'Six Bells',
    'Cwmtillery|Cwmtyleri', 'Georgetown', 'Sofrydd', 'Willowtown', 'Swffryd',
  ],
  W06000020: [
    'Pontypool|Pont-y-pŵl', 'Cwmbran|Cwmbrân', 'Blaenavon|Blaenafon', 'Abersychan', 'Griffithstown', 'Sebastopol',
    'New Inn|Y Dafarn Newydd', 'Croesyceiliog', 'Llantarnam', 'Fairwater', 'Henllys', 'Coed Eva', 'Greenmeadow',
    'Thornhill', 'Pontnewydd', 'Garndiffaith', 'Penygarn|Pen-y-garn', 'Trevethin|Trefddyn', 'Talywain|Tal-y-waun',
    'Varteg', 'Ponthir|Pont-hir', 'Llanyrafon',
  ],
  W06000021: [
    'Monmouth|Trefynwy', 'Abergavenny|Y Fenni', 'Chepstow|Cas-gwent', 'Caldicot|Cil-y-coed', 'Usk|Brynbuga',
    'Raglan|Rhaglan', 'Magor|Magwyr', 'Undy|Gwndy', 'Rogiet', 'Portskewett|Porth Sgiwed', 'Llanfoist|Llan-ffwyst',
    'Gilwern', 'Goytre|Goetre', 'Cross Ash|Croes Onnen', 'Trellech|Tryleg', 'Overmonnow', 'Thornwell',
    'Shirenewton|Drenewydd Gelli-farch', 'Castle Park', 'Llanvihangel Crucorney|Llanfihangel Crucornau',
  ],
  W06000022: [
    'Newport|Casnewydd', 'Bettws|Betws', 'Malpas', 'Caerleon|Caerllion', 'Rogerstone|Tŷ-du', 'Bassaleg|Basaleg',
    'Duffryn|Dyffryn', 'Maindee|Maendy', 'Pillgwenlly|Pilgwenlli', 'Ringland', 'Alway', 'Llanwern', 'Langstone',
    'Marshfield|Maerun', 'St Julians|Sant Julian', 'Lliswerry|Llyswyry', 'Somerton', 'Gaer|Y Gaer', 'Maesglas|Maes-glas',
    'Shaftesbury', 'Milton', 'Millbrook', 'Pentrepoeth', 'Clytha', 'Eveswell', 'Tredegar Park|Parc Tredegar',
    'Glan Usk|Glan Wysg', 'Crindau', 'Llanmartin',
  ],
};

function toPlace(raw: string): Place {
  const [en = raw, cy = en] = raw.split('|');
  return { en, cy };
}

/** Places in an authority, English and Welsh names. */
export function placesIn(authorityCode: string): readonly Place[] {
  const raw = RAW_PLACES[authorityCode];
  if (!raw) throw new RangeError(`no places listed for ${authorityCode}`);
  return raw.map(toPlace);
}
