/**
 * English phrase pools per starter-codebook theme. Placeholders: `{When}` (month
 * phrase, opens a sentence), `{fed}` (how the witness names the federal agents),
 * `{place}` (setting + Area, e.g. "outside the Home Depot on Sunset"), `{hood}`.
 * An event may start with `setting|` when it only makes sense in that setting.
 * Every entry is a single sentence.
 */
import type { ThemePhrases } from './phrase-types'

export const PHRASES_EN: Record<string, ThemePhrases> = {
  'federal-agents-identification': {
    events: [
      '{When}, {fed} grabbed two men {place} and none of them would say who they were.',
      '{When}, {fed} surrounded a man {place} and nobody could tell what agency they were from.',
      '{When}, a group of {fed} pulled a woman out of her car {place} without saying a word about who they were.',
    ],
    children: {
      badges: [
        '{When}, {fed} detained my neighbor {place} and when I asked to see a badge they laughed at me.',
        '{When}, {fed} arrested a man {place} and not one of them showed a badge or an ID.',
        '{When}, {fed} came up to us {place} with vests that just said POLICE, no badge numbers, no names.',
        '{When}, {fed} took a street vendor {place} and I asked three times for a badge number and got nothing.',
      ],
      masks: [
        '{When}, {fed} with their faces covered by masks and sunglasses jumped out {place}.',
        '{When}, masked men, later we learned they were {fed}, chased people {place}.',
        '{When}, {fed}, all in ski masks and neck gaiters, took a man {place} and we could not see a single face.',
        '{When}, {fed} wearing balaclavas stopped people {place} and you could only see their eyes.',
      ],
      vehicles: [
        '{When}, three unmarked SUVs with tinted windows pulled up {place} and {fed} got out.',
        '{When}, {fed} showed up {place} in a white van with no markings and paper plates.',
        '{When}, a rented pickup and a gray Dodge with no plates blocked the street {place} and {fed} jumped out.',
        '{When}, {fed} in unmarked cars with out-of-state plates boxed in a truck {place}.',
      ],
    },
    agents: [
      'They had no badges, no name tags, and masks over their faces.',
      'When people asked who they were, one of them said “federal” and nothing else.',
      'Their vests said POLICE in big letters and nothing else.',
      'The vehicles had no markings and the plates were covered or missing.',
      'You could not tell if they were real agents or people pretending to be agents.',
    ],
    city: [
      'An LAPD patrol car came later, and the officers said they could not confirm who the agents were.',
      'When we called 911 to ask if it was a real operation, the dispatcher did not know.',
      'LAPD officers arrived after the vans left and only took a report about the car blocking the driveway.',
      'A police sergeant told us he had no way to check their identification.',
    ],
    impact: [
      'Now when any car without markings slows down, people run, because we cannot tell who is police and who is a kidnapper.',
      'Since then there have been people pretending to be ICE to rob our neighbors, and nobody can tell the difference.',
      'Not knowing who they were is what scared the children the most.',
      'It felt like a kidnapping, not a police action.',
    ],
    asks: [
      'Officers should check the identity of anyone claiming to be a federal agent and tell the public who they are.',
      'We want LAPD to insist that agents show badges and take off their masks in our city.',
      'If LAPD is at the scene, they should at least tell us which agency it is.',
    ],
    cityResponse: [
      'Officers said they could not confirm who the agents were.',
      'A patrol car came after the agents left and took a report.',
      'Nobody from the City came.',
    ],
    guidance: [
      'Officers should tell us if they are LAPD or federal.',
      'Verify the identity of masked agents and tell the public.',
      'Take a report when people claim to be agents without ID.',
    ],
  },

  'lapd-role-at-scenes': {
    events: [
      '{When}, {fed} were arresting people {place} while LAPD officers blocked off the street around them.',
      '{When}, {fed} carried out a raid {place} and two LAPD patrol cars parked at each end of the block.',
      '{When}, while {fed} detained four men {place}, LAPD officers stood by the police tape.',
      '{When}, {fed} chased a man {place} and an LAPD unit arrived within minutes and held the perimeter.',
      '{When}, an LAPD helicopter circled overhead while {fed} made arrests {place}.',
      '{When}, {fed} took a family {place} and LAPD officers kept the neighbors back.',
    ],
    agents: [
      'They put zip ties on the men and drove off in less than ten minutes.',
      'They pushed people against the wall and went through their pockets.',
      'They were in and out so fast that nobody had time to record.',
    ],
    city: [
      'Officers stood by and directed traffic while agents made arrests.',
      'When I asked an officer why LAPD was helping, he said they were only there for public safety.',
      'LAPD officers told the crowd to step back, which made it easier for the agents to leave with the men.',
      'The officers did not talk to the families at all, they just watched and then left with the agents.',
      'An officer told me LAPD does not do immigration enforcement, but from where we stood it looked like they were working together.',
    ],
    impact: [
      'For the people watching, LAPD and ICE looked like the same team.',
      'After that day many neighbors no longer believe the City when it says LAPD does not help ICE.',
      'It is hard to trust a police department that stands guard while our neighbors are taken.',
      'Nobody could explain to us what the police were actually there to do.',
    ],
    asks: [
      'Officers at these scenes should explain out loud why they are there and that they are not helping with immigration arrests.',
      'LAPD should have a clear rule about what officers can and cannot do when a federal operation is going on.',
      'If officers are only there for traffic, they should say so and stay away from the arrests.',
    ],
    cityResponse: [
      'Officers stood by and directed traffic while agents made arrests.',
      'LAPD kept the perimeter.',
      'Officers held the crowd back and left with the agents.',
      'An officer said they were there for public safety only.',
    ],
    guidance: [
      'Officers should explain why they are at the scene.',
      'A written rule on what LAPD does during federal raids.',
      'Do not block streets for federal agents.',
    ],
  },

  'crowd-control-protests': {
    events: [
      '{When}, I went to a protest {place} after the raids and LAPD declared an unlawful assembly within the hour.',
      '{When}, we were marching peacefully {place} when officers on horseback pushed into the crowd.',
      '{When}, at a rally {place}, police fired rubber bullets and pepper balls at people who were just chanting.',
      '{When}, officers kettled a group of us {place} and we could not leave even though we wanted to.',
      '{When}, during the curfew, officers arrested people {place} who were just walking home from work.',
      '{When}, at a vigil {place}, police threw flash-bangs and tear gas into a crowd that had kids in it.',
    ],
    agents: [
      'National Guard troops stood in a line behind the police with rifles.',
      '{fed} were behind the police line watching the crowd.',
      'Some of the protesters were throwing bottles, but most of us were just standing there.',
    ],
    city: [
      'The dispersal order was given only in English and nobody in the back could hear it.',
      'A less-lethal round hit a reporter standing right next to me.',
      'Officers zip-tied the people who did not move fast enough and kept them on the curb for hours.',
      'An officer pushed an older woman with his baton when she could not walk fast enough.',
      'Some officers were calm and let people leave down a side street, others were aggressive.',
    ],
    impact: [
      'I still have a bruise on my leg from the rubber bullet and I am scared to go to any protest now.',
      'My son had trouble breathing for two days after the tear gas.',
      'Many of us feel that the City punished people for protesting the raids instead of protecting them.',
      'People lost work because of the curfew and nobody explained how long it would last.',
    ],
    asks: [
      'Dispersal orders should be given in Spanish and English, loud enough, with time and a clear way out.',
      'Officers should not use rubber bullets or tear gas on peaceful protesters, journalists or legal observers.',
      'LAPD should keep a clear distance from the National Guard and federal agents during protests.',
    ],
    cityResponse: [
      'Officers declared an unlawful assembly and fired less-lethal rounds.',
      'Police kettled the crowd and made arrests.',
      'Officers on horses pushed into the march.',
    ],
    guidance: [
      'Give dispersal orders in Spanish too, with a way out.',
      'No rubber bullets or tear gas on peaceful protests.',
      'Protect journalists and legal observers.',
    ],
  },

  'status-questions-so40': {
    events: [
      'street|{When}, an LAPD officer pulled me over {place} for a broken taillight and the first thing he asked was if I had papers.',
      '{When}, an officer stopped my cousin {place} and asked him where he was born and if he was legal.',
      'street|{When}, during a traffic stop {place}, the officer asked everyone in the car for their immigration status.',
      '{When}, I reported a stolen bike {place} and the officer wanted to know if I was a citizen before taking the report.',
      '{When}, an officer asked a vendor {place} whether she had a green card while checking her permit.',
    ],
    agents: [
      'Later {fed} showed up at the same corner and people thought the police had called them.',
    ],
    city: [
      'When I said I did not have to answer, the officer said that maybe he should call immigration.',
      'He wrote down the name of the country on the back of the ticket.',
      'A second officer told the first one that they are not supposed to ask that, and they stopped.',
      'The officer said it was just a routine question.',
    ],
    impact: [
      'I thought Special Order 40 meant LAPD could not ask about status, but nobody on the street knows that.',
      'After that stop I do not drive anymore unless I really have to.',
      'People think any traffic stop can end in deportation, so they do not report accidents.',
      'I felt like the ticket was the excuse and the real question was about my papers.',
    ],
    asks: [
      'Officers should never ask about immigration status, and the City should remind them of Special Order 40.',
      'There should be a way to complain when an officer asks about papers, in Spanish, without giving your name.',
      'LAPD should tell the public clearly that officers do not ask about status.',
    ],
    cityResponse: [
      'The officer asked about my papers during a traffic stop.',
      'The officer asked where I was born.',
      'A second officer stopped the question.',
    ],
    guidance: [
      'Never ask about immigration status.',
      'Remind every officer about Special Order 40.',
      'Let us report status questions anonymously.',
    ],
  },

  'calls-for-service-911': {
    events: [
      'home|{When}, someone broke into our apartment in {hood} and my mother would not let me call 911 because she was afraid the police would bring immigration.',
      '{When}, a woman was being hit by her husband {place} and the neighbors argued for twenty minutes about whether to call 911.',
      '{When}, my store {place} was robbed and I did not report it because {fed} had been in the area that week.',
      '{When}, there was a car crash {place} and the driver ran away before the police came because he was scared.',
      '{When}, a man was having a seizure {place} and people were afraid to call for an ambulance.',
      '{When}, after {fed} were seen {place}, our block stopped calling the police about anything.',
    ],
    city: [
      'When the officers finally came, they were polite and did not ask about anyone’s status.',
      'The dispatcher did not have anyone who spoke Spanish and we hung up.',
      'The officers took almost an hour to come and then asked who lived in the apartment.',
      'The police who came told us they do not work with ICE, but by then we had waited too long.',
    ],
    impact: [
      'People are letting robberies and fights go unreported because they do not trust that calling 911 is safe.',
      'The thieves know our neighbors will not call the police, so they keep coming back.',
      'My neighbor who is being abused said she would rather stay than call and risk being deported.',
      'Trust in the police that took years to build was lost in one summer.',
    ],
    asks: [
      'The City should say clearly, in Spanish and on the radio, that calling 911 will not bring immigration.',
      'Officers answering calls should not ask who lives in the home or for everyone’s ID.',
      '911 should always have Spanish-speaking dispatchers.',
    ],
    cityResponse: [
      'Officers came and did not ask about status.',
      'The 911 dispatcher had no Spanish speaker.',
      'Nobody called the police.',
    ],
    guidance: [
      'Tell people that calling 911 is safe.',
      'Do not ask for everyone’s ID on a call.',
      'Spanish-speaking dispatchers at all hours.',
    ],
  },

  'city-property-facilities': {
    events: [
      'park|{When}, {fed} showed up {place} with armored vehicles and soldiers while kids were at summer camp.',
      'library|{When}, {fed} were waiting in the parking lot {place} and the librarian locked the doors with us inside.',
      'recreation-center|{When}, {fed} showed up {place} during a youth soccer practice.',
      'park|{When}, a line of {fed} marched in formation {place}, where families were having picnics.',
      'park|{When}, {fed} detained two men who were sitting on a bench {place}.',
      '{When}, {fed} used the parking lot of a City building {place} as a staging area.',
    ],
    agents: [
      'They had horses and military trucks on the grass.',
      'They stayed for almost an hour and took photos of the people there.',
    ],
    city: [
      'The park staff did not know what to do and told the children to stay in the gym.',
      'The librarian called the City and kept the doors closed until they left, which made us feel protected.',
      'Recreation and Parks staff later said they had not been told anything and had no instructions.',
      'LAPD officers were posted at the entrance of the park, and nobody explained whose operation it was.',
    ],
    impact: [
      'Now families are afraid to use the parks and libraries, which are supposed to be the safest places for kids.',
      'Summer camp attendance dropped to half the next week.',
      'The food distribution at the rec center was canceled because nobody came.',
      'If City property is not safe, where are we supposed to go?',
    ],
    asks: [
      'City staff at parks and libraries need a clear plan for when agents show up, and it should be posted.',
      'The City should not let federal agents use City parking lots or buildings for operations.',
      'Officers should know the City ordinance that says City property is not for immigration enforcement.',
    ],
    cityResponse: [
      'The librarian locked the doors until the agents left.',
      'Park staff had no instructions.',
      'LAPD stood at the park entrance.',
    ],
    guidance: [
      'A posted plan for parks and libraries when agents come.',
      'Do not let agents stage on City property.',
      'Train City staff on the ordinance.',
    ],
  },

  'schools-children': {
    events: [
      'school|{When}, {fed} were parked {place} right at drop-off time.',
      'school|{When}, a father was detained {place} in front of his two little girls.',
      'school|{When}, an unmarked car followed the school bus {place} and the kids were crying when they got to class.',
      '{When}, my son saw {fed} take our neighbor {place} and now he asks every morning if I will come back.',
      'school|{When}, a teacher ran out to the sidewalk {place} because {fed} were stopping parents.',
      'school|{When}, half of my daughter’s class stayed home after rumors that {fed} were {place}.',
    ],
    city: [
      'The school police and an LAPD officer made a safe passage for the kids, which helped.',
      'The principal sent a message in English and Spanish but nobody from the City came.',
      'An LAPD car was there, but the officer stayed in the car and did not talk to the parents.',
      'The teachers walked the children home in groups that week.',
    ],
    impact: [
      'My kids have nightmares and my youngest wets the bed again.',
      'Attendance at our school fell and the kids who came could not concentrate.',
      'Children are translating for their parents and carrying adult fears.',
      'My daughter does not want to go to school because she thinks I will be gone when she gets home.',
    ],
    asks: [
      'Officers should protect the area around schools at drop-off and pick-up, not help agents there.',
      'There should be a plan so children are never left alone at school if a parent is detained.',
      'LAPD should work with the school district so parents know what to expect.',
    ],
    cityResponse: [
      'An officer made a safe passage for the kids.',
      'The officer stayed in the patrol car.',
      'Teachers walked the children home.',
    ],
    guidance: [
      'Protect the school zones at drop-off and pick-up.',
      'A plan for children whose parents are taken.',
      'Talk to parents at the school, in Spanish.',
    ],
  },

  'workplaces-day-labor': {
    events: [
      'day-labor-site|{When}, {fed} jumped out of vans {place} and grabbed the workers who were waiting for jobs.',
      'workplace|{When}, {fed} carried out a raid {place} and took most of the workers in the middle of their shift.',
      'day-labor-site|{When}, {fed} swept in {place} and men ran into the street and onto the freeway ramp to get away.',
      'workplace|{When}, {fed} showed up {place} at shift change and checked everyone’s work papers.',
      'workplace|{When}, {fed} burst in {place} and took the workers out one by one while the owner watched.',
      'day-labor-site|{When}, {fed} were back {place} for the third time in one month.',
      'street|{When}, {fed} pulled over a work truck full of gardeners {place}.',
    ],
    agents: [
      'They chased the workers through the parking lot and tackled one man against a car.',
      'They did not show any warrant to the owner.',
      'They left the machines running and the doors wide open.',
    ],
    city: [
      'LAPD officers came and kept the parking lot closed while the agents loaded the men into vans.',
      'The City’s day-labor center staff told us to stay inside and called the legal hotline.',
      'No officer came, even though the owner called the police to ask if it was legal.',
      'An officer told the store manager it was a federal matter and left.',
    ],
    impact: [
      'Most of the men do not come to the corner anymore and their families have no income.',
      'The business closed for two weeks and the workers who were left lost their pay.',
      'We used to be fifty men on the corner, now we are eight.',
      'People are going to work scared, hiding in the back when a car pulls in.',
    ],
    asks: [
      'Officers should not help secure parking lots or businesses for raids.',
      'The City should protect its day-labor centers and tell workers what their rights are on the job.',
      'LAPD should explain to business owners that the police do not take part in these raids.',
    ],
    cityResponse: [
      'LAPD kept the parking lot closed during the raid.',
      'Day-labor center staff called the legal hotline.',
      'No officer came.',
      'An officer said it was a federal matter.',
    ],
    guidance: [
      'Do not secure parking lots for raids.',
      'Protect day-labor centers.',
      'Explain to employers that LAPD does not join raids.',
    ],
  },

  courts: {
    events: [
      'courthouse|{When}, my brother had a court date, and as soon as the judge dismissed his case {fed} arrested him {place}.',
      'courthouse|{When}, {fed} were waiting by the elevators {place} for people coming out of their check-ins.',
      'courthouse|{When}, I was {place} for a traffic ticket and saw {fed} take a young man who had come for a family court case.',
      'courthouse|{When}, a woman was detained {place} right after her hearing while her children waited outside.',
      'courthouse|{When}, {fed} stopped people in line for security {place} and asked for their names.',
      'courthouse|{When}, {fed} arrested a man {place} as he was leaving court.',
    ],
    agents: [
      'They were in plain clothes and sat in the back of the courtroom waiting.',
      'They had a list of names and checked them against the court calendar.',
    ],
    city: [
      'Sheriff’s deputies at the courthouse watched and did nothing.',
      'The court interpreter was crying, she told us it happens almost every week.',
      'A lawyer from a nonprofit came running, but he was already in the van.',
      'LAPD was not there, only the courthouse security.',
    ],
    impact: [
      'Now people are missing their hearings because they are afraid, and then they get deportation orders for not showing up.',
      'Victims will not go to court to testify against their abusers if they think they will be arrested there.',
      'Going to court is supposed to be doing the right thing, and it became a trap.',
      'My brother followed every rule and that is exactly how they found him.',
    ],
    asks: [
      'The City should push to keep courthouses free of immigration arrests.',
      'Officers and deputies at courthouses should not help agents identify or hold people.',
      'People should have a lawyer or an observer with them at every hearing.',
    ],
    cityResponse: [
      'Deputies at the courthouse watched and did nothing.',
      'Nobody from the City was there.',
      'A nonprofit lawyer came too late.',
    ],
    guidance: [
      'Keep courthouses free of immigration arrests.',
      'Officers should not help agents at court.',
      'Court observers for every hearing.',
    ],
  },

  'language-access': {
    events: [
      '{When}, {fed} detained my uncle {place} and gave him papers in English that he could not read.',
      '{When}, an officer {place} kept shouting instructions in English at a man who only speaks Zapotec.',
      '{When}, the City sent an alert about the raids {place}, but it was only in English for the first two days.',
      '{When}, after {fed} showed up {place}, nobody at the scene could explain in Spanish what was happening.',
      '{When}, my grandmother speaks K’iche’ and nobody {place} could tell her where they took my uncle.',
      '{When}, the flyer the police handed out {place} had Spanish so badly translated that people laughed at it.',
    ],
    city: [
      'The LAPD officer used his phone to translate, and it said something completely wrong.',
      'A bilingual officer finally came and explained things, and everything calmed down.',
      'The hotline the City gave us had a message only in English.',
      'The officers asked a child to translate for his mother.',
    ],
    impact: [
      'People signed papers they did not understand.',
      'Our community speaks Spanish, Mixteco, Zapoteco, Q’anjob’al and Korean, and the information never reaches us in our language.',
      'When you cannot understand the officer, every order sounds like a threat.',
      'Kids should not have to translate their own parent’s arrest.',
    ],
    asks: [
      'Every officer at these scenes should have a way to get a real interpreter, including Indigenous languages.',
      'Alerts and know-your-rights flyers from the City should come out in Spanish at the same time as English.',
      'Officers should never use children as interpreters.',
    ],
    cityResponse: [
      'The officer used a phone app to translate.',
      'A bilingual officer came and explained.',
      'Officers asked a child to translate.',
    ],
    guidance: [
      'Real interpreters, including Indigenous languages.',
      'Alerts in Spanish at the same time as English.',
      'Never use children as interpreters.',
    ],
  },

  'family-impact-services': {
    events: [
      'home|{When}, {fed} took my husband {place} and I was left with our three kids and the rent due.',
      '{When}, my neighbor was taken by {fed} {place} and her two kids came home from school to an empty apartment.',
      '{When}, {fed} detained a father {place} and for five days his family could not find which detention center he was in.',
      '{When}, after {fed} took my son {place}, we spent all our savings on a lawyer.',
      '{When}, a mother was detained {place} and her baby was left with a neighbor who is not family.',
      '{When}, {fed} arrested the only person working in a family of six {place}.',
    ],
    city: [
      'A social worker from the City helped us apply for rent relief, but it took weeks.',
      'The officer who came gave us a phone number for family services, and it helped a little.',
      'Nobody from the City told us where to ask for help.',
      'We found the food bank through the church, not through the City.',
    ],
    impact: [
      'My kids stopped eating and the little one asks for her dad every night.',
      'We are behind on rent and the landlord knows we cannot complain.',
      'He was moved to Adelanto and then to Texas, and we can barely afford the calls.',
      'The family is broken now and the kids are the ones paying for it.',
    ],
    asks: [
      'When officers are at a scene where a parent is taken, they should make sure the children are safe and with someone they trust.',
      'The City should have one number in Spanish where families can find out where someone was taken and get help.',
      'Officers should carry information about legal help and family services to give to the family.',
    ],
    cityResponse: [
      'A City social worker helped with rent relief.',
      'The officer gave us a number for family services.',
      'Nobody from the City helped.',
    ],
    guidance: [
      'Make sure children are safe when a parent is taken.',
      'One number for families to find detained relatives.',
      'Officers should carry legal aid information.',
    ],
  },

  'know-your-rights': {
    events: [
      '{When}, {fed} knocked on doors {place} and the family remembered not to open without a warrant signed by a judge.',
      '{When}, we held a know-your-rights training {place} and more than eighty people came.',
      '{When}, {fed} were {place} and our rapid-response team arrived in eight minutes and filmed the whole arrest.',
      '{When}, a man stopped by {fed} {place} showed them his red card and stayed silent, and they let him go.',
      '{When}, we handed out red cards {place} and people asked us how to tell a real warrant from an administrative one.',
      '{When}, {fed} showed up {place} and the neighbors started whistling and honking to warn everyone.',
    ],
    agents: [
      'The agents showed a paper that was not signed by any judge.',
      '{fed} tried to get people to open the door by saying they were looking for someone else.',
    ],
    city: [
      'An LAPD officer told people they had the right to record, which surprised everyone.',
      'The City’s immigrant affairs office sent people to hand out information, which was helpful.',
      'Officers asked the rapid-response volunteers to move back but let them keep filming.',
      'Nobody from the City came to the training even though we invited them.',
    ],
    impact: [
      'Knowing our rights is the only thing that makes people feel a little less afraid.',
      'Many people still believe they have to open the door to anyone in a uniform.',
      'The videos we took helped the lawyers prove the arrest was illegal.',
      'People want more trainings, especially at churches and schools.',
    ],
    asks: [
      'Officers should respect people’s right to stay silent and to record, and say so out loud.',
      'The City should fund more know-your-rights trainings and rapid-response networks.',
      'LAPD should explain the difference between a judicial warrant and an ICE paper when asked.',
    ],
    cityResponse: [
      'An officer told people they could record.',
      'The City sent staff with rights information.',
      'Nobody from the City came.',
    ],
    guidance: [
      'Respect the right to record and stay silent.',
      'Fund rights trainings and rapid response.',
      'Explain judicial warrants when asked.',
    ],
  },

  'data-privacy': {
    events: [
      '{When}, {fed} showed up {place} right after my cousin paid a parking ticket, and we think they got his address from the City.',
      '{When}, we noticed new cameras {place} and people started asking if the license plate readers send data to ICE.',
      '{When}, {fed} seemed to know exactly which apartment to go to {place}, and the only place that had that address was a City form.',
      '{When}, a drone was flying over {place} during the raid and nobody knew whose it was.',
      '{When}, people stopped signing up for the City program {place} because the form asked for an address and birth date.',
      '{When}, an officer {place} took photos of everyone’s IDs with his phone.',
    ],
    city: [
      'When we asked the officer where the photos would go, he said into the system.',
      'The City said it does not share data with ICE, but nobody could explain what happens with the plate reader data.',
      'LAPD told us the cameras are for traffic only, but there is no way to check.',
      'The staff at the City office said they would delete our information, but we never got any confirmation.',
    ],
    impact: [
      'People are afraid to give their address to anyone, even to get food assistance.',
      'We do not fill out any City surveys anymore, not even this one without being nervous.',
      'If our information can end up with ICE, then every form is a risk.',
      'Parents took their kids out of the after-school program because of the sign-up sheet.',
    ],
    asks: [
      'Officers should not photograph IDs or collect information that has nothing to do with a crime.',
      'The City should publish what data plate readers and cameras collect and who can see it.',
      'LAPD should promise that no information from our calls or reports goes to immigration.',
    ],
    cityResponse: [
      'The officer photographed our IDs.',
      'The City said it does not share data.',
      'Nobody could explain the cameras.',
    ],
    guidance: [
      'Do not photograph IDs.',
      'Publish what cameras and plate readers collect.',
      'No data from our reports to immigration.',
    ],
  },

  'officer-conduct-positive': {
    events: [
      '{When}, {fed} were detaining people {place} and an LAPD officer came over to explain to the families what was happening.',
      '{When}, {fed} detained a mother {place}, and after they left an officer stayed with her kids until their aunt came.',
      '{When}, an LAPD sergeant {place} told the crowd in Spanish that LAPD was not part of the operation and gave out the legal hotline.',
      '{When}, during the chaos {place}, an officer helped an elderly woman who had fallen and walked her home.',
      '{When}, a patrol officer {place} asked the agents for their identification in front of everyone.',
      '{When}, officers {place} kept people calm and let the rapid-response volunteers do their job.',
    ],
    city: [
      'The officer was calm and respectful and did not ask anyone about their status.',
      'He gave his name and badge number when we asked.',
      'She told us she had family who went through the same thing.',
      'They handed out water and told people where to get help.',
    ],
    impact: [
      'That officer showed us that it is possible to do this right.',
      'For the first time I felt that someone from LAPD was on our side.',
      'People still talk about that officer in the neighborhood.',
      'It did not undo the raid, but it made the day less terrible.',
    ],
    asks: [
      'Whatever training that officer had, all officers should get it.',
      'The Commission should recognize officers who protect the community during raids.',
      'Officers should always explain who they are and that they are not immigration.',
    ],
    cityResponse: [
      'An officer explained what was happening in Spanish.',
      'An officer stayed with the children.',
      'Officers handed out water and the legal hotline.',
    ],
    guidance: [
      'Train all officers like the ones who helped us.',
      'Recognize officers who protect people.',
      'Explain in Spanish that LAPD is not ICE.',
    ],
  },

  'officer-conduct-negative': {
    events: [
      '{When}, while {fed} were arresting a man {place}, an LAPD officer laughed and told us to go back to our country.',
      '{When}, an officer shoved me {place} when I tried to film the arrest.',
      '{When}, officers {place} threatened to arrest a vendor if she did not leave, while {fed} took her husband.',
      '{When}, an officer {place} called the people watching illegals and told them to get out of the way.',
      '{When}, an officer grabbed my phone {place} and deleted the video.',
      '{When}, officers {place} pointed at a man who was hiding so {fed} could find him.',
    ],
    city: [
      'When I asked for his badge number, he covered it with his hand.',
      'His partner did nothing to stop him.',
      'When we tried to file a complaint at the station, they said to come back another day.',
      'They were insulting the people on the sidewalk the whole time.',
    ],
    impact: [
      'I will never trust that officer or that station again.',
      'It confirmed what people already feared, that some officers are on ICE’s side.',
      'My kids saw it and now they are afraid of every police car.',
      'Nobody ever called us back about the complaint.',
    ],
    asks: [
      'Officers who insult or threaten people during raids should be disciplined, and the result should be public.',
      'It should be easy to file a complaint in Spanish, online, without giving your name.',
      'Officers must never point out people to federal agents.',
    ],
    cityResponse: [
      'An officer insulted and pushed people.',
      'An officer deleted a video from my phone.',
      'The station refused to take the complaint.',
    ],
    guidance: [
      'Discipline officers who insult people during raids.',
      'Anonymous complaints in Spanish.',
      'Never point people out to federal agents.',
    ],
  },

  'requests-for-guidance': {
    events: [
      '{When}, at our listening session {place}, people were asked what they want the Police Commission to tell officers.',
      '{When}, after seeing {fed} take people {place}, our group wrote down what we want the police to do next time.',
      '{When}, {fed} showed up {place} and the officers clearly had no idea what they were supposed to do.',
      '{When}, we met with the senior lead officer {place} and he said he was still waiting for guidance from above.',
      '{When}, {fed} were {place} and different officers told us three different things about what LAPD would do.',
    ],
    city: [
      'The officers said they did not have instructions.',
      'One officer said the policy was to stay out of it, another said they had to assist.',
      'The captain promised a community meeting but it never happened.',
    ],
    impact: [
      'Without clear rules, every officer does something different and we never know what to expect.',
      'People want to see the guidance in writing, in Spanish, so they can hold officers to it.',
      'We are tired of giving testimony and never hearing what changed.',
    ],
    asks: [
      'Officers should identify themselves, explain that LAPD is not ICE, and stay away from the arrests.',
      'We ask the Commission to publish clear guidance on what officers do when federal agents are operating.',
      'Officers should check on children and elderly people left behind after an arrest.',
      'The guidance should say that officers record what they see, and that the record is public.',
      'Officers should give families information about legal help instead of just watching.',
    ],
    cityResponse: [
      'Officers said they had no instructions.',
      'Different officers said different things.',
      'The captain promised a meeting.',
    ],
    guidance: [
      'Publish written guidance in Spanish.',
      'Identify yourselves and stay away from the arrests.',
      'Check on the children left behind.',
      'Report back to the community on what changed.',
    ],
  },
}
