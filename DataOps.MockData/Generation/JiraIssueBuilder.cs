using System.Globalization;

namespace DataOps.MockData.Generation;

/// <summary>
/// Jira issues: keys <c>{project}-{n}</c>, summaries and descriptions by issue type, realistic status and
/// priority spreads, and epic links that always point at an epic of the same dataset.
/// </summary>
internal sealed class JiraIssueBuilder(DatasetPlan plan) : IRecordBuilder
{
    private const ulong ProjectSalt = 0x70726F6A656374;

    private static readonly Dictionary<string, double> StatusWeights = new(StringComparer.Ordinal)
    {
        ["Done"] = 0.35, ["In Progress"] = 0.25, ["To Do"] = 0.25, ["In Review"] = 0.15,
    };

    private static readonly Dictionary<string, double> PriorityWeights = new(StringComparer.Ordinal)
    {
        ["Highest"] = 0.05, ["High"] = 0.25, ["Medium"] = 0.5, ["Low"] = 0.2,
    };

    private static readonly Dictionary<string, string> Leads = new(StringComparer.Ordinal)
    {
        ["Story"] = "Requested by the {team} team.",
        ["Bug"] = "Observed in staging while testing {topic}.",
        ["Epic"] = "This epic groups the work on {topic}.",
    };

    private static readonly long[] Points = [1, 2, 3, 5, 8, 13];

    private readonly IReadOnlyList<int> _epics = plan.Template.Vocabulary.Mix?.Field == "issue_type" ? plan.Mix.IndicesOf("Epic") : [];

    /// <inheritdoc/>
    public string IdPrefix => "issue";

    /// <inheritdoc/>
    public void Build(RecordContext context)
    {
        var v = context.Vocabulary;
        var key = KeyOf(context.Index);
        var type = context.MixValue ?? "Task";
        var people = context.Random.PickDistinct(v.People, 2);
        context.Set("url", $"{v.BaseUrl.TrimEnd('/')}/browse/{key}");
        context.Set("key", key);
        context.Set("summary", context.FillFor("summary", v.TitlesFor(type)));
        context.Set("description", context.ComposeFor("description", v.Sentences, Leads.GetValueOrDefault(type)));
        context.Set("issue_type", type);
        context.Set("status", context.PickAllowed("status", StatusWeights));
        context.Set("priority", context.PickAllowed("priority", PriorityWeights));
        context.Set("project_key", ProjectOf(context.Index));
        context.Set("assignee_email", people[0].Email);
        context.Set("reporter_email", people[^1].Email);
        context.Set("labels", context.Labels("labels"));
        context.Set("epic_key", type != "Epic" && _epics.Count > 0 && context.Random.Chance(0.7) ? KeyOf(context.Random.Pick(_epics)) : null);
        context.Set("story_points", type is "Story" or "Bug" ? context.Random.Pick(Points) : null);
    }

    private string ProjectOf(int index)
    {
        var projects = plan.Template.Vocabulary.Containers;
        return projects[plan.StableChoice(index, projects.Count, ProjectSalt)];
    }

    private string KeyOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{ProjectOf(index)}-{index + 1}");
}
