using ClinicPortal.Seed;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SeedOptions.Usage);
    return 0;
}

SeedOptions options;
try
{
    options = SeedOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(SeedOptions.Usage);
    return 2;
}

if (File.Exists(options.DatabasePath))
{
    Console.Error.WriteLine($"{options.DatabasePath} already exists. Delete it or choose another path with --database.");
    return 1;
}

await ClinicDataSeeder.SeedAsync(options, Console.Out);
return 0;
