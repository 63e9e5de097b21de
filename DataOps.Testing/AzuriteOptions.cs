namespace DataOps.Testing;

/// <summary>How <see cref="AzuriteProcess"/> starts Azurite.</summary>
internal sealed class AzuriteOptions
{
    /// <summary>Folder for on-disk persistence (kept after stop, so a restart finds the data); null keeps everything in memory.</summary>
    public string? Location { get; init; }

    /// <summary>Blob, queue and table ports to listen on; null picks free ports.</summary>
    public IReadOnlyList<int>? Ports { get; init; }
}
