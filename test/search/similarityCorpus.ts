import { SearchText } from '../../src/ports/ideaSearch';

/**
 * A fixed corpus per language for the similar-ideas precision test: ideas already on boards, each
 * in a topic group, and new ideas written in other words. A new idea with a group should find
 * that group's ideas; one without (`group: undefined`) should find nothing.
 */
export interface CorpusIdea extends SearchText {
  readonly group?: string;
}

export interface Corpus {
  readonly stored: readonly CorpusIdea[];
  readonly queries: readonly CorpusIdea[];
}

export const NB_CORPUS: Corpus = {
  stored: [
    { group: 'vakt', title: 'Vaktbytte i app', situation: 'Vaktbytte tar mye tid for koordinator, alt går på telefon.', proposal: 'Ansatte bytter selv i en app som koordinator godkjenner.' },
    { group: 'vakt', title: 'Byttebørs for vakter', situation: 'Ledige vakter blir ikke fylt.', proposal: 'En felles oversikt der ledige vakter kan tas.' },
    { group: 'medisin', title: 'Multidose fra apoteket', situation: 'Vi doserer medisiner manuelt i dosett hver uke.', proposal: 'Bestille ferdigpakkede multidoser fra apoteket.' },
    { group: 'nøkkel', title: 'Nøkkelboks ved hoveddøra', situation: 'Vi leter etter nøkler til brukerne hver morgen.', proposal: 'Nøkkelboks med kode hos hver bruker.' },
    { group: 'rute', title: 'Bedre kjøreruter', situation: 'Kjørelistene gir lange kjøreturer mellom brukerne.', proposal: 'Planlegge rutene etter adresse.' },
    { group: 'brøyt', title: 'Brøyteroder etter værmeldingen', situation: 'Vi brøyter etter faste ruter uansett snømengde.', proposal: 'Prioritere roder etter meldt snø.' },
    { group: 'vare', title: 'Felles lager for forbruksmateriell', situation: 'Hver avdeling bestiller forbruksmateriell selv og lageret flyter over.', proposal: 'Ett felles lager med faste bestillingsdager.' },
    { group: 'journal', title: 'Mal for journalføring', situation: 'Dokumentasjon i journalen tar lang tid etter hver vakt.', proposal: 'En kort mal med faste punkter.' },
    { group: 'møte', title: 'Kortere morgenmøter', situation: 'Morgenmøtet varer ofte 45 minutter.', proposal: 'Stående møte ved tavla, maks 15 minutter.' },
    { group: 'fall', title: 'Fallforebygging for beboere', situation: 'Mange beboere faller om natten på vei til toalettet.', proposal: 'Nattlys og sensor ved sengen.' },
    { group: 'tøy', title: 'Vask av arbeidstøy', situation: 'Arbeidstøyet vaskes hjemme av hver ansatt.', proposal: 'Avtale med vaskeri om arbeidstøy.' },
    { title: 'Oppussing av personalrommet', situation: 'Personalrommet er slitt og trist.', proposal: 'Male veggene og kjøpe nye stoler.' },
    { title: 'Nytt skilt ved inngangen', situation: 'Besøkende finner ikke resepsjonen.', proposal: 'Sette opp et tydelig skilt.' },
    { title: 'Sommerfest for beboere og pårørende', situation: 'Beboerne savner sosiale treff.', proposal: 'En årlig sommerfest i hagen.' },
    { title: 'Reparere gatelys i sentrum', situation: 'Flere gatelys er mørke.', proposal: 'Fast runde for å melde feil på lys.' },
    { title: 'Opplæring av nyansatte', situation: 'Nye ansatte bruker lang tid på å finne fram.', proposal: 'En fadder for hver nyansatt første uke.' },
    { title: 'Asfaltering av fortau', situation: 'Fortauet i Storgata har hull.', proposal: 'Legge ny asfalt i sommer.' },
    // Everyday ideas on other problems, in the words every board uses ("tar mye tid", "bruker lang tid").
    { title: 'Rydde i kjelleren', situation: 'Det tar mye tid å finne utstyr i kjelleren.', proposal: 'Merke hyllene.' },
    { title: 'Digital timeliste', situation: 'Timelistene på papir tar lang tid å føre.', proposal: 'Føre timer i systemet.' },
    { title: 'Færre e-poster', situation: 'Vi bruker mye tid på e-post hver dag.', proposal: 'Faste tider for å lese e-post.' },
    { title: 'Bedre oppslagstavle', situation: 'Det tar tid å finne beskjeder.', proposal: 'Én tavle for alle beskjeder.' },
    { title: 'Raskere innkalling til medarbeidersamtale', situation: 'Det tar lang tid å avtale samtaler.', proposal: 'Bruke felles kalender.' },
    { title: 'Rengjøring av bilene', situation: 'Bilene er skitne og det tar tid å vaske dem.', proposal: 'Vaskehall en gang i uka.' },
    { title: 'Utstyr til hjemmetrening', situation: 'Brukerne venter lenge på utstyr.', proposal: 'Eget lager av treningsutstyr.' },
    { title: 'Kortere vei til søppelrommet', situation: 'Vi går langt med søppel hver dag og det tar tid.', proposal: 'Flere søppelspann i gangen.' },
    { title: 'Mindre papir på kontoret', situation: 'Vi skriver ut mye som ingen leser.', proposal: 'Dele dokumenter digitalt.' },
    { title: 'Parkering for tjenestebiler', situation: 'Vi bruker mye tid på å lete etter parkering.', proposal: 'Reserverte plasser.' },
  ],
  queries: [
    { group: 'vakt', title: 'Bytte av vakter', situation: 'Det går mye tid til å bytte vakter på telefon.' },
    { group: 'vakt', title: 'Vaktbytter', proposal: 'Egen app for vaktbytter.' },
    { group: 'medisin', title: 'Ferdigpakkede medisiner', situation: 'Manuell dosering av medisiner tar mye tid.' },
    { group: 'nøkkel', title: 'Leting etter nøkler', situation: 'Ansatte bruker tid på å lete etter nøklene om morgenen.' },
    { group: 'rute', title: 'Planlegge kjøreruta', situation: 'Lange kjøreturer fordi ruta ikke er planlagt.' },
    { group: 'brøyt', title: 'Brøyting etter snømengde', situation: 'Vi brøyter faste roder også når det ikke har snødd.' },
    { group: 'vare', title: 'Bestilling av forbruksmateriell', situation: 'Alle bestiller forbruksmateriell hver for seg.' },
    { group: 'journal', title: 'Raskere dokumentasjon', situation: 'Journalføring og dokumentasjon tar for lang tid.' },
    { group: 'møte', title: 'Morgenmøtet tar for lang tid', proposal: 'Korte stående møter.' },
    { group: 'fall', title: 'Forebygge fall om natten', situation: 'Beboere faller når de går på toalettet om natten.' },
    { group: 'tøy', title: 'Arbeidstøy vaskes på jobb', situation: 'Ansatte tar arbeidstøyet med hjem for vask.' },
    { title: 'Ny kaffemaskin på pauserommet', situation: 'Kaffemaskinen er ødelagt.' },
    { title: 'Sykkelparkering ved rådhuset', proposal: 'Stativ med tak.' },
    { title: 'Julebord for alle ansatte', situation: 'Vi har ikke hatt julebord på to år.' },
  ],
};

export const DA_CORPUS: Corpus = {
  stored: [
    { group: 'vagt', title: 'Vagtbytte i en app', situation: 'Vagtbytte tager meget tid for planlæggeren, alt foregår over telefonen.', proposal: 'Medarbejderne bytter selv i en app.' },
    { group: 'medicin', title: 'Dosisdispensering fra apoteket', situation: 'Medicinhåndtering tager lang tid, vi doserer medicin manuelt.', proposal: 'Bestil færdigpakket dosisdispenseret medicin.' },
    { group: 'nøgle', title: 'Nøgleboks ved hoveddøren', situation: 'Vi leder efter nøgler til borgerne hver morgen.', proposal: 'Nøgleboks med kode hos hver borger.' },
    { group: 'kørsel', title: 'Bedre kørelister', situation: 'Lange køreture mellem borgerne.', proposal: 'Planlæg ruterne efter adresse.' },
    { group: 'sne', title: 'Snerydning efter vejrudsigten', situation: 'Vi rydder sne efter faste ruter uanset snemængde.', proposal: 'Prioritér ruter efter varslet sne.' },
    { group: 'indkøb', title: 'Fælles indkøb af forbrugsvarer', situation: 'Hver afdeling bestiller forbrugsvarer selv, og lageret flyder over.', proposal: 'Et fælles lager med faste bestillingsdage.' },
    { group: 'tomgang', title: 'Mindre tomgangskørsel', situation: 'Maskinerne står i tomgang og bruger brændstof.', proposal: 'Sluk motoren ved pauser over to minutter.' },
    { group: 'møde', title: 'Kortere morgenmøder', situation: 'Morgenmødet varer ofte 45 minutter.', proposal: 'Stående møde ved tavlen, højst 15 minutter.' },
    { group: 'plæne', title: 'Vedligehold af plæneklippere', situation: 'Plæneklipperne går i stykker midt i sæsonen.', proposal: 'Fast service hver vinter.' },
    { group: 'fald', title: 'Faldforebyggelse for beboere', situation: 'Mange beboere falder om natten på vej til toilettet.', proposal: 'Natlys og sensor ved sengen.' },
    { title: 'Istandsættelse af frokoststuen', situation: 'Frokoststuen er slidt.', proposal: 'Male væggene og købe nye stole.' },
    { title: 'Nyt skilt ved indgangen', situation: 'Besøgende kan ikke finde receptionen.', proposal: 'Sæt et tydeligt skilt op.' },
    { title: 'Sommerfest for beboere og pårørende', situation: 'Beboerne savner sociale arrangementer.', proposal: 'En årlig sommerfest i haven.' },
    { title: 'Oplæring af nyansatte', situation: 'Nye medarbejdere bruger lang tid på at finde rundt.', proposal: 'En makker til hver nyansat den første uge.' },
    { title: 'Ny asfalt på fortovet', situation: 'Fortovet på Storegade har huller.', proposal: 'Læg ny asfalt til sommer.' },
    // Everyday ideas on other problems, in the words every board uses ("tager lang tid", "bruger meget tid").
    { title: 'Oprydning i kælderen', situation: 'Det tager lang tid at finde udstyr i kælderen.', proposal: 'Mærk hylderne.' },
    { title: 'Digital timeseddel', situation: 'Timesedler på papir tager lang tid at udfylde.', proposal: 'Registrér timer i systemet.' },
    { title: 'Færre e-mails', situation: 'Vi bruger meget tid på e-mail hver dag.', proposal: 'Faste tidspunkter til e-mail.' },
    { title: 'Bedre opslagstavle', situation: 'Det tager tid at finde beskeder.', proposal: 'Én tavle til alle beskeder.' },
    { title: 'Hurtigere indkaldelse til MUS', situation: 'Det tager lang tid at aftale samtaler.', proposal: 'Brug en fælles kalender.' },
    { title: 'Rengøring af bilerne', situation: 'Bilerne er beskidte, og det tager tid at vaske dem.', proposal: 'Vaskehal en gang om ugen.' },
    { title: 'Mindre papir på kontoret', situation: 'Vi printer meget, som ingen læser.', proposal: 'Del dokumenter digitalt.' },
    { title: 'Parkering til tjenestebiler', situation: 'Vi bruger meget tid på at finde en plads.', proposal: 'Reserverede pladser.' },
    { title: 'Kortere vej til affaldsrummet', situation: 'Vi går langt med affald hver dag, og det tager tid.', proposal: 'Flere affaldsspande på gangen.' },
  ],
  queries: [
    { group: 'vagt', title: 'Bytte af vagter', situation: 'Det tager lang tid at bytte vagter over telefonen.' },
    { group: 'medicin', title: 'Færdigpakket medicin', situation: 'Manuel dosering af medicin tager tid.' },
    { group: 'nøgle', title: 'Nøglerne bliver væk', situation: 'Medarbejderne bruger tid på at lede efter nøglerne om morgenen.' },
    { group: 'kørsel', title: 'Planlægning af kørsel', situation: 'Kørslen mellem borgerne er for lang, fordi ruterne ikke er planlagt.' },
    { group: 'sne', title: 'Snerydning efter snemængde', situation: 'Vi rydder faste ruter, også når det ikke har sneet.' },
    { group: 'indkøb', title: 'Bestilling af forbrugsvarer', situation: 'Alle bestiller forbrugsvarer hver for sig.' },
    { group: 'tomgang', title: 'Spild af brændstof i tomgang', situation: 'Maskiner står i tomgang i pauserne.' },
    { group: 'møde', title: 'Morgenmødet tager for lang tid', proposal: 'Korte stående møder.' },
    { group: 'plæne', title: 'Service på plæneklippere', situation: 'Plæneklipperne bryder sammen om sommeren.' },
    { group: 'fald', title: 'Forebyg fald om natten', situation: 'Beboere falder når de går på toilettet om natten.' },
    { title: 'Ny kaffemaskine i frokoststuen', situation: 'Kaffemaskinen er i stykker.' },
    { title: 'Cykelparkering ved rådhuset', proposal: 'Stativ med tag.' },
    { title: 'Julefrokost for alle medarbejdere', situation: 'Vi har ikke holdt julefrokost i to år.' },
  ],
};
