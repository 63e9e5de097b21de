using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Operations;

/// <summary>Reads the dataset list query string, naming every invalid parameter.</summary>
internal static class DatasetQueryReader
{
    /// <summary>The query, or null with the errors recorded.</summary>
    public static DatasetQuery? Read(IQueryCollection query, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(validation);
        var result = new DatasetQuery();
        if (Single(query, "clientId", validation) is { } client)
        {
            result = validation.Check<ClientId>("clientId", client, ClientId.TryCreate, out var id) ? result with { ClientId = id } : result;
        }

        if (Single(query, "journeyId", validation) is { } journey)
        {
            result = validation.Check<JourneyId>("journeyId", journey, JourneyId.TryCreate, out var id) ? result with { JourneyId = id } : result;
        }

        if (Single(query, "stage", validation) is { } stage)
        {
            result = WireNames.TryParse<Stage>(stage, out var s) ? result with { Stage = s } : Invalid(result, validation, "stage", WireNames.AllowedNames<Stage>());
        }

        if (Single(query, "status", validation) is { } status)
        {
            result = WireNames.TryParse<DatasetStatus>(status, out var s) ? result with { Status = s } : Invalid(result, validation, "status", WireNames.AllowedNames<DatasetStatus>());
        }

        if (Single(query, "pageSize", validation) is { } size)
        {
            if (int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= DatasetQuery.MaxPageSize)
            {
                result = result with { PageSize = n };
            }
            else
            {
                validation.Add("pageSize", $"must be a whole number from 1 to {DatasetQuery.MaxPageSize}");
            }
        }

        if (Single(query, "continuationToken", validation) is { } token)
        {
            result = token.Length <= 1024 ? result with { ContinuationToken = token } : Invalid(result, validation, "continuationToken", []);
        }

        return validation.IsValid ? result : null;
    }

    /// <summary>The one value of query parameter <paramref name="name"/>; null when absent, or (recorded) given more than once.</summary>
    internal static string? Single(IQueryCollection query, string name, RequestValidation validation)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            validation.Add(name, "must be given once");
            return null;
        }

        return values[0];
    }

    private static DatasetQuery Invalid(DatasetQuery query, RequestValidation validation, string name, IReadOnlyList<string> allowed)
    {
        validation.Add(name, allowed.Count == 0 ? "is invalid" : $"is not one of: {string.Join(", ", allowed)}");
        return query;
    }
}
