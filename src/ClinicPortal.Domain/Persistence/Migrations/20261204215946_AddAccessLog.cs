using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <summary>Adds the append-only access log of reads of notes, revealed numbers and exports.</summary>
    public partial class AddAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_OccurredAtUtc",
                table: "AccessLog",
                column: "OccurredAtUtc");

            migrationBuilder.Sql("""
                CREATE TRIGGER AccessLog_NoUpdate BEFORE UPDATE ON AccessLog
                BEGIN
                    SELECT RAISE(ABORT, 'AccessLog is append-only: entries cannot be updated');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AccessLog_NoDelete BEFORE DELETE ON AccessLog
                BEGIN
                    SELECT RAISE(ABORT, 'AccessLog is append-only: entries cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AccessLog_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER AccessLog_NoUpdate;");

            migrationBuilder.DropTable(
                name: "AccessLog");
        }
    }
}
