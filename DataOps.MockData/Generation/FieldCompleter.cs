using System.Globalization;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Generation;

/// <summary>
/// Gives every schema field the builders did not set a value of its declared type (from the vocabulary's
/// <c>values</c> pool when it has one), then fits every value to its field's length limits. Returns the record
/// with fields in schema order, so serialisation is stable.
/// </summary>
internal static class FieldCompleter
{
    private const double OptionalNullShare = 0.25;

    /// <summary>Completes and orders the record.</summary>
    public static IReadOnlyDictionary<string, object?> Complete(RecordContext context)
    {
        var record = new OrderedDictionary<string, object?>(context.Plan.Template.Schema.Fields.Count, StringComparer.Ordinal);
        foreach (var field in context.Plan.Template.Schema.Fields)
        {
            var present = context.Values.TryGetValue(field.Name, out var value);
            if (!present ? !field.Required && context.Random.Chance(OptionalNullShare) : value is null && !field.Required)
            {
                record[field.Name] = null;
                continue;
            }

            record[field.Name] = Fit(field, value ?? Generate(field, context), context);
        }

        return record;
    }

    private static object? Generate(FieldDefinition field, RecordContext context)
    {
        var v = context.Vocabulary;
        var random = context.Random;
        if (field.AllowedValues is { Count: > 0 } allowed)
        {
            return field.Type == FieldType.StringList ? random.PickDistinct(allowed, random.Between(1, Math.Min(3, allowed.Count))) : random.Pick(allowed);
        }

        if (v.Values.TryGetValue(field.Name, out var pool) && pool.Count > 0 && field.Type is FieldType.String or FieldType.Text)
        {
            return TextComposer.Fill(random.Pick(pool), v, random);
        }

        double min = field.Minimum ?? 0, max = field.Maximum ?? 1000;
        return field.Type switch
        {
            FieldType.Integer => (long)Math.Ceiling(min) + (long)Math.Floor(random.NextDouble() * (Math.Floor(max) - Math.Ceiling(min) + 1)),
            FieldType.Number => Math.Round(min + (random.NextDouble() * (max - min)), 2),
            FieldType.Boolean => random.Chance(0.5),
            FieldType.DateTime => context.CreatedAt,
            FieldType.Email => random.Pick(v.People).Email,
            FieldType.Url => string.Create(CultureInfo.InvariantCulture, $"{v.BaseUrl.TrimEnd('/')}/{field.Name.Replace('_', '-')}/{context.Index + 1}"),
            FieldType.StringList => context.Labels(field.Name),
            FieldType.Text => context.ComposeFor(field.Name, v.Sentences),
            _ => random.Pick(v.Topics),
        };
    }

    private static object? Fit(FieldDefinition field, object? value, RecordContext context)
    {
        switch (value)
        {
            case string text when field.Type is FieldType.String or FieldType.Text && field.AllowedValues is null:
                while (field.MinLength is { } min && text.Length < min)
                {
                    text += " " + TextComposer.Fill(context.Random.Pick(context.Vocabulary.Sentences), context.Vocabulary, context.Random);
                }

                return TextComposer.Fit(text, field.MaxLength);
            case IReadOnlyList<string> items when field.MaxLength is { } maxItems && items.Count > maxItems:
                return items.Take(maxItems).ToArray();
            default:
                return value;
        }
    }
}
