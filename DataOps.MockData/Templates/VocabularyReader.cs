using System.Text.Json;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>Reads the <c>generation</c> section of a template, collecting problems with their JSON location.</summary>
internal static class VocabularyReader
{
    /// <summary>Reads the vocabulary; a missing section gives an empty vocabulary.</summary>
    public static GenerationVocabulary Read(JsonElement? generation, List<string> errors)
    {
        if (generation is not { ValueKind: JsonValueKind.Object } g)
        {
            if (generation is { ValueKind: not JsonValueKind.Null })
            {
                errors.Add("generation: must be an object");
            }

            return new GenerationVocabulary();
        }

        var parts = g.TryGetProperty("name_parts", out var np) && np.ValueKind == JsonValueKind.Object ? np : default;
        var body = g.TryGetProperty("body_sentences", out var bs) && bs.ValueKind == JsonValueKind.Object ? bs : default;
        var vocabulary = new GenerationVocabulary
        {
            Mix = ReadMix(g, errors),
            Topics = List(g, "topics", errors),
            Components = List(g, "components", errors),
            Teams = List(g, "teams", errors),
            Labels = List(g, "labels", errors),
            People = ReadPeople(g, errors),
            Sentences = List(g, "sentences", errors),
            Titles = Map(g, "titles", errors),
            Containers = List(g, "containers", errors),
            Languages = List(g, "languages", errors),
            NamePrefixes = parts.ValueKind == JsonValueKind.Object ? List(parts, "prefixes", errors, "generation.name_parts.prefixes") : [],
            NameNouns = parts.ValueKind == JsonValueKind.Object ? List(parts, "nouns", errors, "generation.name_parts.nouns") : [],
            ReadmeSections = List(g, "readme_sections", errors),
            Messages = List(g, "messages", errors),
            ThreadReplyShare = TemplateJson.Double(g, "thread_reply_share", "generation.thread_reply_share", errors) ?? 0,
            MinBodySentences = body.ValueKind == JsonValueKind.Object ? TemplateJson.Int(body, "min", "generation.body_sentences.min", errors) ?? 3 : 3,
            MaxBodySentences = body.ValueKind == JsonValueKind.Object ? TemplateJson.Int(body, "max", "generation.body_sentences.max", errors) ?? 8 : 8,
            BaseUrl = TemplateJson.String(g, "base_url") ?? "https://docs.example.com",
            HistoryDays = TemplateJson.Int(g, "history_days", "generation.history_days", errors) ?? 365,
            Values = Map(g, "values", errors),
        };
        Check(vocabulary, errors);
        return vocabulary;
    }

    private static void Check(GenerationVocabulary v, List<string> errors)
    {
        if (v.ThreadReplyShare is < 0 or > 1)
        {
            errors.Add("generation.thread_reply_share: must be between 0 and 1");
        }

        if (v.MinBodySentences < 1 || v.MaxBodySentences < v.MinBodySentences)
        {
            errors.Add("generation.body_sentences: needs 1 <= min <= max");
        }

        if (v.HistoryDays is < 1 or > 3650)
        {
            errors.Add("generation.history_days: must be between 1 and 3650");
        }

        if (!FieldValueRules.HasExpectedType(FieldType.Url, v.BaseUrl))
        {
            errors.Add("generation.base_url: must be an absolute http(s) URL");
        }
    }

    private static ContentMix? ReadMix(JsonElement g, List<string> errors)
    {
        if (!g.TryGetProperty("mix", out var mix) || mix.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = mix.ValueKind == JsonValueKind.Object ? TemplateJson.String(mix, "field") : null;
        if (field is null || !mix.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Object)
        {
            errors.Add("generation.mix: needs 'field' and a 'weights' object");
            return null;
        }

        var entries = new List<MixEntry>();
        foreach (var w in weights.EnumerateObject())
        {
            if (w.Value.ValueKind != JsonValueKind.Number || w.Value.GetDouble() <= 0)
            {
                errors.Add($"generation.mix.weights.{w.Name}: must be a positive number");
                continue;
            }

            entries.Add(new MixEntry(w.Name, w.Value.GetDouble()));
        }

        if (entries.Count == 0)
        {
            errors.Add("generation.mix.weights: needs at least one value");
            return null;
        }

        return new ContentMix(field, entries);
    }

    private static List<PersonProfile> ReadPeople(JsonElement g, List<string> errors)
    {
        var people = new List<PersonProfile>();
        if (!g.TryGetProperty("people", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return people;
        }

        var index = 0;
        foreach (var p in element.EnumerateArray())
        {
            var name = p.ValueKind == JsonValueKind.Object ? TemplateJson.String(p, "name") : null;
            if (string.IsNullOrWhiteSpace(name) || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 2)
            {
                errors.Add($"generation.people[{index}].name: needs a first and last name");
            }
            else
            {
                people.Add(new PersonProfile(name.Trim(), TemplateJson.String(p, "role") ?? "Team Member"));
            }

            index++;
        }

        return people;
    }

    private static IReadOnlyList<string> List(JsonElement owner, string name, List<string> errors, string? at = null)
        => TemplateJson.StringArray(owner, name, at ?? $"generation.{name}", errors) ?? [];

    private static Dictionary<string, IReadOnlyList<string>> Map(JsonElement g, string name, List<string> errors)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!g.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"generation.{name}: must be an object of string arrays");
            return map;
        }

        foreach (var entry in element.EnumerateObject())
        {
            var list = TemplateJson.StringArray(element, entry.Name, $"generation.{name}.{entry.Name}", errors);
            if (list is not null)
            {
                map[entry.Name] = list;
            }
        }

        return map;
    }
}
