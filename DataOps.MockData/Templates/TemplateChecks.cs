using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.MockData.Templates;

/// <summary>
/// Cross-section checks of a parsed template: canonical fields declared with the right types, sample records
/// conforming to the schema, and a vocabulary the generator can actually expand into valid records.
/// </summary>
internal static class TemplateChecks
{
    public static void Check(MockTemplate template, List<string> errors)
    {
        CheckCanonicalFields(template, errors);
        CheckSamples(template, errors);
        CheckVocabulary(template, errors);
    }

    private static void CheckCanonicalFields(MockTemplate template, List<string> errors)
    {
        foreach (var (name, type) in CanonicalFields.For(template.Metadata.DatasetType))
        {
            var field = template.Schema.Find(name);
            if (field is null)
            {
                if (!(template.SchemaInferred && CanonicalFields.IsOptional(name)))
                {
                    errors.Add($"schema: canonical field '{name}' of {template.Metadata.DatasetType.ToWireName()} is missing");
                }
            }
            else if (!CanonicalFields.IsCompatible(type, field.Type))
            {
                errors.Add($"schema: canonical field '{name}' must be {type.ToWireName()}, not {field.Type.ToWireName()}");
            }
        }
    }

    private static void CheckSamples(MockTemplate template, List<string> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < template.SampleRecords.Count; i++)
        {
            var record = template.SampleRecords[i];
            foreach (var violation in SchemaValidator.ValidateRecord(record, template.Schema).Errors)
            {
                errors.Add($"data.records[{i}]: {violation}");
            }

            if (record.TryGetValue("id", out var id) && id is string text && !ids.Add(text))
            {
                errors.Add($"data.records[{i}]: id '{text}' is not unique");
            }
        }
    }

    private static void CheckVocabulary(MockTemplate template, List<string> errors)
    {
        var v = template.Vocabulary;
        Require(v.People.Count, "people", errors);
        Require(v.Sentences.Count, "sentences", errors);
        Require(v.Topics.Count, "topics", errors);
        Require(v.Components.Count, "components", errors);
        Require(v.Teams.Count, "teams", errors);
        Require(v.Labels.Count, "labels", errors);
        switch (template.Metadata.DatasetType)
        {
            case DatasetType.ConfluencePages:
                Require(v.Titles.Count, "titles", errors);
                Within(template, "space_key", v.Containers, "containers", errors);
                break;
            case DatasetType.GithubRepos:
                Require(v.Titles.Count, "titles", errors);
                Require(v.NamePrefixes.Count * v.NameNouns.Count, "name_parts", errors);
                Require(v.Containers.Count, "containers", errors);
                Within(template, "language", v.Languages, "languages", errors);
                break;
            case DatasetType.SlackMessages:
                Require(v.Messages.Count, "messages", errors);
                break;
            case DatasetType.JiraIssues:
                Require(v.Titles.Count, "titles", errors);
                Within(template, "project_key", v.Containers, "containers", errors);
                break;
            default:
                Require(v.Titles.Count, "titles", errors);
                break;
        }

        CheckMix(template, errors);
    }

    private static void CheckMix(MockTemplate template, List<string> errors)
    {
        if (template.Vocabulary.Mix is not { } mix)
        {
            return;
        }

        var field = template.Schema.Find(mix.Field);
        if (field is null)
        {
            errors.Add($"generation.mix.field: '{mix.Field}' is not a schema field");
            return;
        }

        if (field.AllowedValues is { } allowed)
        {
            foreach (var entry in mix.Entries.Where(e => !allowed.Contains(e.Value, StringComparer.Ordinal)))
            {
                errors.Add($"generation.mix.weights: '{entry.Value}' is not an allowed value of '{mix.Field}'");
            }
        }
    }

    private static void Require(int count, string name, List<string> errors)
    {
        if (count == 0)
        {
            errors.Add($"generation.{name}: needs at least one entry to generate records");
        }
    }

    private static void Within(MockTemplate template, string fieldName, IReadOnlyList<string> values, string name, List<string> errors)
    {
        Require(values.Count, name, errors);
        if (template.Schema.Find(fieldName)?.AllowedValues is { } allowed)
        {
            foreach (var value in values.Where(x => !allowed.Contains(x, StringComparer.Ordinal)))
            {
                errors.Add($"generation.{name}: '{value}' is not an allowed value of '{fieldName}'");
            }
        }
    }
}
