/**
 * Frequent French passwords, compiled by hand for Relais from the French entries of the published
 * yearly « most common passwords » rankings (NordPass, Dashlane) and the awareness material of the
 * CNIL and cybermalveillance.gouv.fr, completed with what those lists show people pick: the AZERTY
 * keyboard's rows, words of affection, first names, towns, football clubs, pets, and words of the
 * trade (the product's and the sector's own names). Written lower-case without accents: the policy
 * compares passwords in that form, after taking off the digits and symbols around them.
 */
const LIST = `
azerty azertyuiop azertyu azertyui azertyuio azerty1 azerty12 azerty123 azertyuiop123 azer azert
qsdfgh qsdfghjk qsdfghjklm wxcvbn wxcvbn123 azeqsd azeqsdwxc aqwzsx aqwzsxedc azsxdc wxcvbnqsdfgh
azertyqsdfgh azqswx ertyui poiuytreza mlkjhgfdsq nbvcxw
motdepasse motdepass motdepase mot2passe motdepasse1 motdepasse123 monmotdepasse mdp mdp123
nouveaumotdepasse changermotdepasse motdepassetemporaire provisoire temporaire acces accesinterdit
secret topsecret confidentiel confidentielle identifiant identifiants connexion seconnecter
utilisateur administrateur admin administration gestionnaire invite inviter bienvenue bienvenu
bonjour bonsoir salut coucou coucou123 hello merci mercibeaucoup bisou bisous bizou bizous grosbisous
jetaime jetadore jetaimetrop jetaimemonamour monamour mamour amour amoureux amoureuse toujours
pourtoujours jetaimepourtoujours mavie maviemonamour moncoeur coeur mon coeur chouchou choupette
choupinette chouquette doudou doudoune loulou louloute lolo lulu titi toto tata tutu nana nounou
nounours minou minette minouche mimi mimine bichette poupoune poupette puce mapuce mabiche mabelle
monange ange angel cheri cherie moncheri macherie tresor montresor bebe monbebe bebou
cacahuete caramel chocolat chocolate nutella bonbon sucre sucette fraise framboise cerise banane
pomme pommes citron vanille cannelle macaron croissant baguette fromage camembert saucisson champagne
soleil soleil123 lune etoile etoiles ciel nuage arcenciel printemps ete automne hiver neige
fleur fleurs rose roses marguerite tulipe lilas violette coquelicot papillon libellule coccinelle
chat chaton chien chiot cheval chevaux poney lapin lapinou souris oiseau tigre lion loup renard
dauphin tortue panda nemo felix milou medor rex rocky simba nala oscar filou tigrou caramel
princesse prince reine roi fee sorciere dragon licorne
famille enfants mesenfants maman papa mamie papi papy mamy tonton tata frere soeur jumeaux
bebe maison jardin vacances voyage plage mer montagne campagne village
france francais francaise liberte egalite fraternite vivelafrance marianne bleublancrouge
paris marseille lyon toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims
toulon grenoble dijon angers nimes brest limoges tours amiens metz perpignan besancon orleans
rouen caen nancy avignon cannes bretagne normandie alsace corse provence savoie
parisien parisienne marseillais lyonnais toulousain breton bretonne corse ajaccio bastia
psg parissaintgermain allezparis om olympiquedemarseille allezlom droitaubut olympiquelyonnais
ol asse saintetienne girondins fcnantes losc rclens lens rcstrasbourg ogcnice staderennais
lesbleus allezlesbleus zidane zizou mbappe griezmann benzema platini thierryhenry henry
football foot rugby tennis basket handball velo tourdefrance petanque boules
nicolas julien thomas alexandre maxime antoine pierre kevin florian romain guillaume jeremy
sebastien mathieu matthieu olivier christophe stephane frederic laurent philippe patrick michel
jeanpierre jeanmarc jeanluc jeanclaude jeanfrancois jeanmichel francois francoise jacques
daniel didier dominique eric gilles herve jerome ludovic mickael vincent xavier yannick yann
bruno cedric damien fabien franck gregory jonathan loic lucas hugo louis gabriel arthur jules
raphael leo nathan enzo theo tom noah mathis clement baptiste quentin valentin victor paul
camille marie julie sophie nathalie isabelle sandrine stephanie celine christine catherine
sylvie valerie veronique virginie caroline aurelie emilie audrey melanie laetitia elodie
amandine marine manon chloe emma lea ines jade louise alice lina zoe lola anna juliette
charlotte pauline mathilde margaux clara sarah laura lucie oceane justine morgane ophelie
helene anne annie brigitte chantal corinne daniele florence martine monique nadine pascale
patricia sabrine sabrina severine sonia vanessa estelle delphine agnes claire elise eva
marion maeva noemie romane capucine apolline margot rose jeanne
dupont durand martin bernard dubois moreau laurent simon michel lefebvre leroy roux david
bertrand morel fournier girard bonnet lambert fontaine rousseau vincent muller mercier
soleil2 nouveau nouvelle ancien ancienne essai essais test tester testeur demo demonstration
travail boulot bureau mairie ccas cmp epsm clsm cellule relais santementale sante
logement bailleur social hlm infirmier infirmiere medecin docteur psychiatre psychologue
educateur educatrice assistante assistantesociale coordinateur coordinatrice secretaire
mutuelle hopital clinique ordonnance
ordinateur informatique internet bienvenuesurinternet clavier souris ecran portable telephone
bonjour1 bonjour123 salut123 soleil1 doudou1 loulou1 chouchou1 marseille13 paris75 lyon69
jetaime1 jetaime123 amour123 nicolas1 julien1 thomas1 camille1 marie123 maman123 papa123
jesus jesuschrist dieu allah inshallah bismillah marie mariejoseph ave priere eglise
magali magalie tiphaine gwenaelle gwendoline gaelle yvonne ginette raymonde odette suzanne
noel joyeuxnoel bonneannee anniversaire joyeuxanniversaire fete vendredi samedi dimanche
lundi mardi mercredi jeudi janvier fevrier mars avril mai juin juillet aout septembre octobre
novembre decembre
un deux trois quatre cinq six sept huit neuf dix douze unedeuxtrois undeuxtrois
zero zerozero mille million
rien personne quelquun nimportequoi jenesaispas jesaispas oublie jaioublie perdu
azertyazerty motdepassemotdepasse soleilsoleil
`;

export const FRENCH_FREQUENT_PASSWORDS: readonly string[] = LIST.split(/\s+/).filter(Boolean);
