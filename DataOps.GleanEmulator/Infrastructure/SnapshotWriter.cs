using System.Text.Json;
using DataOps.GleanEmulator.State;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DataOps.GleanEmulator.Infrastructure;

/// <summary>
/// Loads the state from <c>--snapshot</c> at start and writes it back at most once a second after a
/// change and once more at shutdown, through a temporary file so a crash never leaves half a snapshot.
/// </summary>
internal sealed class SnapshotWriter(
    GleanEmulatorOptions options,
    EmulatorState state,
    IOptions<JsonOptions> json,
    TimeProvider time,
    ILogger<SnapshotWriter> logger) : BackgroundService
{
    private int _dirty;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.SnapshotPath is { } path && File.Exists(path))
        {
            await using var stream = File.OpenRead(path);
            var snapshot = await JsonSerializer.DeserializeAsync<EmulatorSnapshot>(stream, json.Value.SerializerOptions, cancellationToken);
            if (snapshot is not null)
            {
                state.Import(snapshot);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Loaded {Count} datasource(s) from the snapshot", snapshot.Datasources.Count);
                }
            }
        }

        state.Changed += () => Interlocked.Exchange(ref _dirty, 1);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveIfDirtyAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SnapshotPath is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveIfDirtyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync writes the last snapshot.
        }
    }

    private async Task SaveIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (options.SnapshotPath is not { } path || Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return;
        }

        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, state.Export(), json.Value.SerializerOptions, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
