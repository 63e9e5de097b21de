using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>A page request over the registry; every filter is optional and they combine with AND.</summary>
public sealed record DatasetQuery
{
    /// <summary>Largest page size accepted.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Only this client's datasets.</summary>
    public ClientId? ClientId { get; init; }

    /// <summary>Only this journey's datasets.</summary>
    public JourneyId? JourneyId { get; init; }

    /// <summary>Only this stage.</summary>
    public Stage? Stage { get; init; }

    /// <summary>Only this status.</summary>
    public DatasetStatus? Status { get; init; }

    /// <summary>Page size, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Opaque token from the previous page.</summary>
    public string? ContinuationToken { get; init; }
}
