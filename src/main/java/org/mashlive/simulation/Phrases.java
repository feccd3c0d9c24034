package org.mashlive.simulation;

import java.util.List;
import java.util.Map;

import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;

/**
 * The words of the demo day. Names are common first names and surnames from the many communities
 * of a London borough, put together at random, so no generated child is anyone in particular;
 * concerns are short generic phrases of the kind a screener reads, written for this demo.
 */
final class Phrases {

    static final List<String> FIRST_NAMES = List.of(
            "Amelia", "Oliver", "Aisha", "Mohammed", "Zofia", "Kwame", "Priya", "Liam", "Chloe", "Ayaan",
            "Fatima", "Jakub", "Leah", "Tyler", "Grace", "Yusuf", "Maya", "Noah", "Isla", "Ibrahim",
            "Ruby", "Hassan", "Sophie", "Kai", "Amara", "Daniel", "Hana", "Reuben", "Layla", "Tomasz",
            "Esme", "Arjun", "Freya", "Kofi", "Sienna", "Adam", "Nia", "Mateo", "Elif", "Jayden",
            "Aaliyah", "Harry", "Zara", "Ethan", "Precious", "Luca", "Maryam", "Oscar", "Ana", "Samuel");

    static final List<String> LAST_NAMES = List.of(
            "Smith", "Patel", "Khan", "Ahmed", "Jones", "Williams", "Kowalski", "Okafor", "Mensah", "Begum",
            "Hussain", "Taylor", "Brown", "Nowak", "Silva", "Ali", "Murphy", "O'Neill", "Evans", "Chen",
            "Nguyen", "Osei", "Campbell", "Hughes", "Rahman", "Popescu", "Adeyemi", "Walker", "Da Costa", "Yilmaz",
            "Shah", "Clarke", "Mohamed", "Wright", "Kaur", "Green", "Asante", "Ivanova", "Thompson", "Hassan");

    static final Map<Source, List<String>> CONCERNS = Map.of(
            Source.POLICE, List.of(
                    "Domestic incident attended overnight; child present in the home",
                    "Verbal argument between parents escalated; child witnessed it",
                    "Missing episode; child found and returned home by officers",
                    "Concern for welfare call; carers intoxicated with young children present",
                    "Child arrested; indicators of criminal exploitation",
                    "Child stopped in the company of adults known to police",
                    "Online safety concern: indecent images shared between pupils",
                    "Breach of a non-molestation order; children in the household"),
            Source.HEALTH, List.of(
                    "Unexplained bruising noted at emergency department attendance",
                    "Repeated missed health appointments and immunisations",
                    "Mother disclosed domestic abuse at an antenatal appointment",
                    "Self-harm presentation at the emergency department",
                    "Faltering weight; concerns about feeding and neglect",
                    "Parent's mental health affecting care of an infant",
                    "Young person disclosed substance misuse at a clinic appointment"),
            Source.EDUCATION, List.of(
                    "Child repeatedly arrives hungry and in unwashed clothes",
                    "Child told a teacher they were hit at home",
                    "Persistent absence; family not responding to the school",
                    "Marks seen on the child's arm during PE",
                    "Child says they are left alone after school",
                    "Concerning sexualised behaviour in class"),
            Source.FAMILY_SELF, List.of(
                    "Grandparent worried about the care of the children at home",
                    "Parent asking for help with the child's behaviour",
                    "Young person says they cannot go home tonight",
                    "Neighbour reports young children left alone",
                    "Parent reports the child is being groomed online"),
            Source.VOLUNTARY, List.of(
                    "Youth worker concerned about exploitation",
                    "Food bank notes the family in crisis",
                    "Housing support worker concerned about home conditions",
                    "Domestic abuse service supporting the mother; children in the household"),
            Source.OTHER_LOCAL_AUTHORITY, List.of(
                    "Family moved into the borough with an open child protection plan elsewhere",
                    "Transfer in of a child in need case",
                    "Homeless family placed in the borough by another council"),
            Source.BORDER_FORCE, List.of(
                    "Unaccompanied child arrived at the airport",
                    "Child travelling with an adult who is not a parent; relationship unclear",
                    "Trafficking indicators noted at the border",
                    "Newly arrived family placed in hotel accommodation"));

    static final Map<Rag, List<String>> RATING_REASONS = Map.of(
            Rag.RED, List.of(
                    "Immediate risk of significant harm",
                    "Disclosure of physical abuse with visible injury",
                    "Child missing and at risk of exploitation",
                    "Unexplained injury to a young child",
                    "Disclosure of sexual abuse",
                    "Young child alone, no carer found"),
            Rag.AMBER, List.of(
                    "Domestic abuse incident with the child present",
                    "Escalating neglect concerns",
                    "Parental mental health affecting care",
                    "Repeat incidents and previous history",
                    "Parental substance misuse"),
            Rag.GREEN, List.of(
                    "Low-level concern; family engaging",
                    "Single incident; protective factors present",
                    "Needs below the threshold for social care",
                    "Information only; no current safeguarding concern"));

    static final List<String> RAISED = List.of(
            "Partner checks show previous incidents",
            "Health reports repeated missed appointments",
            "Police checks: history of domestic abuse at the address",
            "School reports a new disclosure");

    static final List<String> LOWERED = List.of(
            "Police checks: no further concerns",
            "School confirms the child was seen and is well",
            "Health visitor reports good engagement",
            "Protective parent has taken action");

    static final List<String> CONSENT_OVERRIDES = List.of(
            "Seeking consent could place the child at risk of significant harm",
            "Parent is the alleged perpetrator",
            "Delay in seeking consent would place the child at risk",
            "Consent not sought so as not to alert the alleged abuser");

    /**
     * Whether {@code phrase} suits a child of {@code age}: phrases about babies for the under
     * threes, about young people, exploitation, arrest, self-harm or substances for ten and over,
     * about school for four and over. A list always keeps some phrase for every age.
     */
    static boolean fitsAge(String phrase, int age) {
        String text = phrase.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("infant") || text.contains("antenatal") || text.contains("feeding")) {
            return age < 3;
        }
        if (text.contains("young person") || text.contains("exploitation") || text.contains("arrested")
                || text.contains("self-harm") || text.contains("substance") || text.contains("grooming")
                || text.contains("groomed") || text.contains("indecent images") || text.contains("adults known")) {
            return age >= 10;
        }
        if (text.contains("school") || text.contains("teacher") || text.contains(" pe") || text.contains("class")
                || text.contains("pupils")) {
            return age >= 4;
        }
        return true;
    }

    private Phrases() {
    }
}
