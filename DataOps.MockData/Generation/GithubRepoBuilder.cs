using System.Globalization;
using System.Text;

namespace DataOps.MockData.Generation;

/// <summary>
/// GitHub repositories: unique names drawn without replacement from prefix x noun combinations (a numeric
/// suffix only once every combination is used), description by repository type, README, topics, stars.
/// </summary>
internal sealed class GithubRepoBuilder : IRecordBuilder
{
    private static readonly Dictionary<string, string> TypeTopics = new(StringComparer.Ordinal)
    {
        ["backend_service"] = "backend",
        ["frontend_app"] = "frontend",
        ["data_pipeline"] = "data",
    };

    private readonly int[] _names;

    /// <summary>Plans the name permutation for the dataset.</summary>
    public GithubRepoBuilder(DatasetPlan plan)
    {
        var v = plan.Template.Vocabulary;
        _names = Enumerable.Range(0, Math.Max(1, v.NamePrefixes.Count * v.NameNouns.Count)).ToArray();
        new DeterministicRandom(plan.Seed ^ 0x6E616D6573).Shuffle(_names);
    }

    /// <inheritdoc/>
    public string IdPrefix => "repo";

    /// <inheritdoc/>
    public void Build(RecordContext context)
    {
        var v = context.Vocabulary;
        var combo = _names[context.Index % _names.Length];
        var name = $"{v.NamePrefixes[combo / v.NameNouns.Count]}-{v.NameNouns[combo % v.NameNouns.Count]}";
        if (context.Index >= _names.Length)
        {
            name += string.Create(CultureInfo.InvariantCulture, $"-{(context.Index / _names.Length) + 1}");
        }

        var org = context.Random.Pick(v.Containers);
        var owner = context.Random.Pick(v.People);
        var description = context.FillFor("description", v.TitlesFor(context.MixValue));
        context.Set("url", $"{v.BaseUrl.TrimEnd('/')}/{org}/{name}");
        context.Set("name", name);
        context.Set("full_name", $"{org}/{name}");
        context.Set("description", description);
        context.Set("readme", Readme(context, name, description));
        context.Set("language", context.Random.Pick(v.Languages));
        context.Set("topics", Topics(context));
        context.Set("stars", Stars(context));
        context.Set("owner_name", owner.Name);
        context.Set("owner_email", owner.Email);
    }

    private static string Readme(RecordContext context, string name, string description)
    {
        var v = context.Vocabulary;
        var builder = new StringBuilder().Append("# ").Append(name).Append("\n\n").Append(description).Append(".\n\n");
        builder.Append(context.ComposeFor("readme", v.Sentences));
        foreach (var section in context.Random.PickDistinct(v.ReadmeSections, context.Random.Between(1, 3)))
        {
            builder.Append("\n\n").Append(TextComposer.Fill(section, v, context.Random));
        }

        return TextComposer.Fit(builder.ToString(), context.Field("readme")?.MaxLength);
    }

    private static List<string> Topics(RecordContext context)
    {
        var max = context.Field("topics")?.MaxLength ?? 4;
        var topics = context.Labels("topics", Math.Min(3, max)).ToList();
        if (context.MixValue is not null && TypeTopics.TryGetValue(context.MixValue, out var kind) && topics.Count < max && !topics.Contains(kind))
        {
            topics.Add(kind);
        }

        return topics;
    }

    private static long Stars(RecordContext context)
    {
        // Popularity is long-tailed: most internal repositories have a handful of stars, a few have hundreds.
        var field = context.Field("stars");
        var max = (long)(field?.Maximum ?? 5000);
        var min = (long)(field?.Minimum ?? 0);
        var value = (long)Math.Floor(Math.Pow(Math.Max(2, max - min + 1), Math.Pow(context.Random.NextDouble(), 2.5))) - 1 + min;
        return Math.Clamp(value, min, max);
    }
}
