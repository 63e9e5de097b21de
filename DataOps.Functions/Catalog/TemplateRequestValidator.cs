using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Http;

namespace DataOps.Functions.Catalog;

/// <summary>Validates template API input; every bad field is named with its reason.</summary>
internal static class TemplateRequestValidator
{
    /// <summary>Largest recommendation body read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Checks list filters; returns normalised wire names (null = any) or the errors per field.</summary>
    public static (string? Industry, string? UseCase, string? DatasetType, Dictionary<string, string[]> Errors) Filters(string? industry, string? useCase, string? datasetType)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? i = null, u = null, t = null;
        if (industry is not null)
        {
            i = WireNames.TryParse<Industry>(industry, out var parsed) ? parsed.Value.ToWireName() : Fail(errors, "industry", UnknownIndustry(industry));
        }

        if (useCase is not null)
        {
            u = UseCase.TryCreate(useCase, out var parsed, out var error) ? parsed.Value : Fail(errors, "useCase", error);
        }

        if (datasetType is not null)
        {
            t = WireNames.TryParse<DatasetType>(datasetType, out var parsed) ? parsed.Value.ToWireName() : Fail(errors, "datasetType", UnknownType(datasetType));
        }

        return (i, u, t, errors);
    }

    /// <summary>Checks a template id from the route.</summary>
    public static string? TemplateIdError(string? id)
        => !TemplateId.TryCreate(id, out _, out var error) ? error
            : id!.Split('.').Length != 3 ? "must have the form {industry}.{use_case}.{dataset_type}"
            : null;

    /// <summary>Parses a recommendation body <c>{industry, useCase, datasetTypes?: [..]}</c>.</summary>
    public static (RecommendTemplatesRequest? Request, Dictionary<string, string[]> Errors) Recommend(ReadOnlyMemory<byte> body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Length == 0)
        {
            return (null, Add(errors, "body", "a JSON object {industry, useCase, datasetTypes?} is required"));
        }

        if (body.Length > MaxBodyBytes)
        {
            return (null, Add(errors, "body", $"must be at most {MaxBodyBytes} bytes"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, Add(errors, "body", "is not valid JSON"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Add(errors, "body", "must be a JSON object"));
            }

            Industry? industry = StringField(root, "industry", errors) is { } i
                ? WireNames.TryParse<Industry>(i, out var parsed) && parsed != Industry.Generic ? parsed : NullFail<Industry>(errors, "industry", UnknownIndustry(i))
                : null;
            UseCase? useCase = StringField(root, "useCase", errors) is { } u
                ? UseCase.TryCreate(u, out var uc, out var ucError) ? uc : NullFail<UseCase>(errors, "useCase", ucError)
                : null;
            var types = DatasetTypes(root, errors);
            return errors.Count == 0 ? (new RecommendTemplatesRequest(industry!.Value, useCase!.Value, types), errors) : (null, errors);
        }
    }

    private static List<DatasetType> DatasetTypes(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("datasetTypes", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [.. Enum.GetValues<DatasetType>()];
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            Add(errors, "datasetTypes", "must be a non-empty array of dataset types");
            return [];
        }

        var types = new List<DatasetType>();
        var problems = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !RequestValidation.TryGetText(item, out _))
            {
                problems.Add(RequestValidation.InvalidText);
            }
            else if (item.ValueKind != JsonValueKind.String || !WireNames.TryParse<DatasetType>(item.GetString(), out var type))
            {
                problems.Add(UnknownType(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText()));
            }
            else if (types.Contains(type.Value))
            {
                problems.Add($"'{type.Value.ToWireName()}' is listed twice");
            }
            else
            {
                types.Add(type.Value);
            }
        }

        if (problems.Count > 0)
        {
            errors["datasetTypes"] = [.. problems];
        }

        return types;
    }

    private static string? StringField(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(errors, name, "is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(errors, name, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }

        if (!RequestValidation.TryGetText(value, out var text))
        {
            Add(errors, name, RequestValidation.InvalidText);
        }

        return text;
    }

    private static string UnknownIndustry(string? value) => $"'{Shorten(value)}' is not a client industry; expected one of {string.Join(", ", WireNames.AllowedNames<Industry>().Where(n => n != "generic"))}";

    private static string UnknownType(string? value) => $"'{Shorten(value)}' is not a dataset type; expected one of {string.Join(", ", WireNames.AllowedNames<DatasetType>())}";

    private static string Shorten(string? value) => value is null ? "null" : value.Length <= 40 ? value : value[..40] + "...";

    private static Dictionary<string, string[]> Add(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        return errors;
    }

    private static string? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        Add(errors, field, message);
        return null;
    }

    private static T? NullFail<T>(Dictionary<string, string[]> errors, string field, string message)
        where T : struct
    {
        Add(errors, field, message);
        return null;
    }
}
