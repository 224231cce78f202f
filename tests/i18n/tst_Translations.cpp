// SPDX-License-Identifier: GPL-3.0-or-later
// The translations at work: the zh_CN catalogue turns an errno meaning, a scenario title and
// the window's actions into Chinese, Qt's own strings follow, English reads its plurals right,
// the CLI speaks the system's language, and the language chosen in the settings is kept.

#include "control/LabSessionController.h"
#include "core/predict/PredictionText.h"
#include "core/predict/TimeReference.h"
#include "core/session/Session.h"
#include "core/tcp/ErrnoCatalog.h"
#include "i18n/LanguageLoader.h"
#include "lab/LabProcess.h"
#include "lab/scenario/ScenarioCatalog.h"
#include "lab/scenario/ScenarioTexts.h"
#include "models/ScenarioListModel.h"
#include "ui/AppSettings.h"
#include "ui/LanguageMenu.h"
#include "ui/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cerrno>

using namespace halfopen;

namespace {

QString builtTool(const char *name)
{
    return QFileInfo(QStringLiteral(HALFOPEN_CLI)).dir().filePath(QString::fromLatin1(name));
}

QList<models::ScenarioListModel::Entry> builtIns()
{
    QList<models::ScenarioListModel::Entry> entries;
    for (const QString &name : lab::ScenarioCatalog::builtInNames())
        entries.append({name, lab::ScenarioTexts::title(name), lab::ScenarioTexts::explanation(name), {}});
    return entries;
}

// The window as main() builds it, in whatever language is installed when it is made.
struct Window
{
    QTemporaryDir dir;
    ui::AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    lab::LabProcess lab{lab::LabProcess::Options{builtTool("halfopen-lab"), {}, {}}};
    control::LabSessionController controller{&lab, {}};
    models::ScenarioListModel scenarios{builtIns()};
    ui::MainWindow window{&controller, &scenarios, &settings};
};

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

// The English source texts that zh_CN translates to something else.
QSet<QString> translatedSources()
{
    QSet<QString> sources;
    QFile file(QStringLiteral(HALFOPEN_SOURCE_DIR "/resources/translations/halfopen_zh_CN.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")
                 && xml.attributes().value(QLatin1String("type")).isEmpty()) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (translation != source)
                sources.insert(source);
        }
    }
    return sources;
}

// Every text the window shows or explains: buttons, labels, boxes, tabs, actions, headers,
// placeholders, tooltips.
QStringList shownTexts(const QWidget &window)
{
    QStringList texts;
    for (auto *w : window.findChildren<QAbstractButton *>())
        texts << w->text() << w->toolTip();
    for (auto *w : window.findChildren<QLabel *>())
        texts << w->text() << w->toolTip();
    for (auto *w : window.findChildren<QGroupBox *>())
        texts << w->title() << w->toolTip();
    for (auto *w : window.findChildren<QDockWidget *>())
        texts << w->windowTitle();
    for (auto *w : window.findChildren<QTabWidget *>()) {
        for (int i = 0; i < w->count(); ++i)
            texts << w->tabText(i) << w->tabToolTip(i);
    }
    for (auto *w : window.findChildren<QAction *>())
        texts << w->text() << w->toolTip();
    for (auto *w : window.findChildren<QComboBox *>()) {
        texts << w->toolTip();
        for (int i = 0; i < w->count(); ++i)
            texts << w->itemText(i);
    }
    for (auto *w : window.findChildren<QLineEdit *>())
        texts << w->placeholderText() << w->toolTip();
    for (auto *w : window.findChildren<QSpinBox *>())
        texts << w->suffix() << w->specialValueText() << w->toolTip();
    for (auto *w : window.findChildren<QDoubleSpinBox *>())
        texts << w->suffix() << w->specialValueText() << w->toolTip();
    for (auto *w : window.findChildren<QHeaderView *>()) {
        if (!w->model())
            continue;
        for (int i = 0; i < w->model()->columnCount(); ++i)
            texts << w->model()->headerData(i, w->orientation()).toString()
                  << w->model()->headerData(i, w->orientation(), Qt::ToolTipRole).toString();
    }
    texts.removeAll(QString());
    return texts;
}

// halfopen-cli --help with `environment` on top of ours, minus our HALFOPEN_LANGUAGE.
QString cliHelp(const QStringList &environment)
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HALFOPEN_LANGUAGE"));
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(HALFOPEN_CLI), {QStringLiteral("--help")});
    if (!cli.waitForFinished(10000))
        return {};
    return QString::fromUtf8(cli.readAllStandardOutput());
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(i18n::LanguageLoader::available().contains(QStringLiteral("en")));
        QVERIFY(i18n::LanguageLoader::available().contains(QStringLiteral("zh_CN")));
        QCOMPARE(i18n::LanguageLoader::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
    }

    void chineseEngineTexts()
    {
        i18n::LanguageLoader loader;
        QCOMPARE(loader.install(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(qEnvironmentVariable("HALFOPEN_LANGUAGE"), QStringLiteral("zh_CN")); // for the lab and endpoints

        const auto timedOut = core::ErrnoCatalog::lookup(ETIMEDOUT);
        QVERIFY(timedOut);
        QCOMPARE(timedOut->name, QStringLiteral("ETIMEDOUT")); // names are never translated
        QCOMPARE(timedOut->meaning, QStringLiteral("连接超时"));
        QVERIFY2(timedOut->tcpCause.contains(QStringLiteral("保活探测")), qPrintable(timedOut->tcpCause));
        QCOMPARE(core::ErrnoCatalog::describe(ECONNRESET), QStringLiteral("ECONNRESET (连接被对端重置)"));

        const QString title = lab::ScenarioTexts::title(QStringLiteral("idle-peer-powered-off"));
        QVERIFY2(title.contains(QStringLiteral("半开连接")), qPrintable(title));
        QVERIFY(lab::ScenarioTexts::explanation(QStringLiteral("idle-peer-powered-off"))
                    .contains(QStringLiteral("ESTABLISHED")));
        QCOMPARE(lab::ScenarioTexts::sourceTitle(QStringLiteral("idle-peer-powered-off")),
                 QStringLiteral("Idle peer powered off, no keepalive: the half-open connection"));
        // Every built-in scenario has its title and explanation in Chinese.
        for (const QString &name : lab::ScenarioCatalog::builtInNames()) {
            QVERIFY2(lab::ScenarioTexts::title(name) != lab::ScenarioTexts::sourceTitle(name), qPrintable(name));
            QVERIFY2(lab::ScenarioTexts::explanation(name) != lab::ScenarioTexts::sourceExplanation(name),
                     qPrintable(name));
        }
        QCOMPARE(core::timeReferenceDescription(core::TimeReference::Fault), QStringLiteral("故障后"));
        // Chinese has one plural form.
        core::TimerRun run;
        run.endUs = 5000000;
        run.attempts = 3;
        QVERIFY2(core::PredictionText::keepalive({true, 2, 1, 3}, 0, run).contains(QStringLiteral("3 个探测")),
                 qPrintable(core::PredictionText::keepalive({true, 2, 1, 3}, 0, run)));
    }

    void qtsOwnStringsFollow()
    {
        const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
        if (!QFileInfo::exists(qtbase))
            QSKIP("qtbase_zh_CN.qm is not installed (Debian: qt6-translations-l10n)");
        i18n::LanguageLoader loader;
        loader.install(QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays version information."),
                 QStringLiteral("显示版本信息。"));
    }

    void windowInChinese()
    {
        i18n::LanguageLoader loader;
        loader.install(QStringLiteral("zh_CN"));
        Window w;
        auto *start = w.window.findChild<QAction *>(QStringLiteral("startAction"));
        QVERIFY(start);
        QCOMPARE(start->text(), QStringLiteral("开始(&S)"));
        QCOMPARE(w.window.findChild<QAction *>(QStringLiteral("stopAction"))->text(), QStringLiteral("停止(&T)"));
        QCOMPARE(menuTitles(w.window),
                 (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("运行(&R)"), QStringLiteral("视图(&V)")}));
        auto *language = w.window.findChild<ui::LanguageMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(language);
        QCOMPARE(language->title(), QStringLiteral("语言(&L)"));
        QCOMPARE(w.window.findChild<QAbstractButton *>(QStringLiteral("serverPowerOffButton"))->text(),
                 QStringLiteral("断电"));

        // Nothing on screen is still the English of a string that has a translation: a tr()
        // whose context differs from lupdate's would show up here.
        const QSet<QString> english = translatedSources();
        QVERIFY(english.size() > 500);
        QStringList untranslated;
        for (const QString &text : shownTexts(w.window)) {
            if (english.contains(text) || english.contains(text.section(QStringLiteral(" ("), 0, 0)))
                untranslated << text;
        }
        untranslated.removeDuplicates();
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral("\n"))));
    }

    // What the events say, in Chinese: the timeline's lanes and the event log's details.
    void eventsInChinese()
    {
        i18n::LanguageLoader loader;
        loader.install(QStringLiteral("zh_CN"));
        Window w;
        core::Session *session = w.controller.session();
        auto event = [](qint64 tUs, core::EventKind kind, halfopen::core::Host host, const QString &what) {
            core::Event e;
            e.tUs = tUs;
            e.kind = kind;
            e.host = host;
            e.what = what;
            return e;
        };
        session->add(event(1'000'000, core::EventKind::Packet, halfopen::core::Host::Client, QStringLiteral("syn")));
        session->add(
            event(1'100'000, core::EventKind::Packet, halfopen::core::Host::Server, QStringLiteral("syn-ack")));
        core::Event closed
            = event(2'000'000, core::EventKind::Endpoint, halfopen::core::Host::Client, QStringLiteral("closed"));
        closed.detail = {{QStringLiteral("how"), QStringLiteral("error")},
                         {QStringLiteral("bytes_sent"), 0},
                         {QStringLiteral("bytes_received"), 0}};
        session->add(closed);

        // The lanes, as the timeline's axis draws them.
        auto *laneView = w.window.findChild<QChartView *>(QStringLiteral("laneView"));
        QVERIFY(laneView);
        const auto lanes = [laneView] {
            QStringList names;
            for (QAbstractAxis *axis : laneView->chart()->axes(Qt::Vertical)) {
                if (auto *categories = qobject_cast<QCategoryAxis *>(axis))
                    names << categories->categoriesLabels();
            }
            return names;
        };
        QTRY_COMPARE(lanes(), (QStringList{QStringLiteral("服务端"), QStringLiteral("客户端")})); // bottom up

        // The event log's details column.
        auto *log = w.window.findChild<QTableView *>(QStringLiteral("eventLogView"));
        QVERIFY(log);
        QAbstractItemModel *model = log->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QString details;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 3).data().toString() == QLatin1String("closed"))
                details = model->index(row, 4).data().toString();
        }
        QCOMPARE(details, QStringLiteral("已接收字节 0，已发送字节 0，方式 出错"));
    }

    // A field technician's laptop: 1366×768, in Chinese, the event log behind the settings (as on
    // any screen under 900 lines). The timeline's lanes are tall enough for their names, and the
    // names are shown.
    void laneNamesShowAtFieldSize()
    {
        i18n::LanguageLoader loader;
        loader.install(QStringLiteral("zh_CN"));
        Window w;
        w.window.resize(1366, 768);
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        core::Session *session = w.controller.session();
        for (const halfopen::core::Host host : {halfopen::core::Host::Client, halfopen::core::Host::Server}) {
            core::Event syn;
            syn.tUs = 1'000'000;
            syn.kind = core::EventKind::Packet;
            syn.host = host;
            syn.what = QStringLiteral("syn");
            session->add(syn);
        }
        auto *laneView = w.window.findChild<QChartView *>(QStringLiteral("laneView"));
        QVERIFY(laneView);
        QChart *chart = laneView->chart();
        const auto shownTexts = [chart] {
            QStringList texts;
            for (QGraphicsItem *item : chart->scene()->items()) {
                if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                    texts << text->toPlainText();
            }
            return texts;
        };
        QTRY_VERIFY2(shownTexts().contains(QStringLiteral("客户端")) && shownTexts().contains(QStringLiteral("服务端")),
                     qPrintable(QStringLiteral("lanes %1 px high; shown: %2")
                                    .arg(chart->plotArea().height() / 2)
                                    .arg(shownTexts().join(QLatin1Char('|')))));
        // Each lane holds its name with room to spare for the packets and the state bands.
        const QFont font = chart->axes(Qt::Vertical).first()->labelsFont();
        QTRY_VERIFY2(chart->plotArea().height() / 2 >= 2 * QFontMetricsF(font).height(),
                     qPrintable(QString::number(chart->plotArea().height() / 2)));
    }

    void windowInEnglishAfterwards()
    {
        {
            i18n::LanguageLoader loader;
            loader.install(QStringLiteral("zh_CN"));
        } // its translators go with it
        Window w;
        QCOMPARE(w.window.findChild<QAction *>(QStringLiteral("startAction"))->text(), QStringLiteral("&Start"));
    }

    void englishPlurals()
    {
        i18n::LanguageLoader loader;
        QCOMPARE(loader.install(QStringLiteral("en")), QStringLiteral("en"));
        core::TimerRun run;
        run.endUs = 3000000;
        run.attempts = 1;
        const QString one = core::PredictionText::keepalive({true, 2, 1, 1}, 0, run);
        QVERIFY2(one.contains(QStringLiteral("the first of 1 probe,")), qPrintable(one));
        run.attempts = 2;
        const QString two = core::PredictionText::keepalive({true, 2, 1, 2}, 0, run);
        QVERIFY2(two.contains(QStringLiteral("the first of 2 probes,")), qPrintable(two));
        QCOMPARE(QCoreApplication::translate("halfopen::ui::SessionFiles", "Exported %n event(s) to %1", nullptr, 1),
                 QStringLiteral("Exported 1 event to %1"));
        QCOMPARE(QCoreApplication::translate("halfopen::ui::SessionFiles", "Exported %n event(s) to %1", nullptr, 12),
                 QStringLiteral("Exported 12 events to %1"));
    }

    void languageWithoutTranslationFallsBackToEnglish()
    {
        i18n::LanguageLoader loader;
        QCOMPARE(loader.install(QStringLiteral("de_DE")), QStringLiteral("en"));
        QCOMPARE(core::ErrnoCatalog::lookup(ETIMEDOUT)->meaning, QStringLiteral("Connection timed out"));
    }

    void cliFollowsTheSystemLanguage()
    {
        const QString chinese = cliHelp({QStringLiteral("LANG=zh_CN.UTF-8"), QStringLiteral("LC_ALL=zh_CN.UTF-8"),
                                         QStringLiteral("LANGUAGE=zh_CN")});
        QVERIFY2(chinese.contains(QStringLiteral("用法：halfopen-cli COMMAND")), qPrintable(chinese));
        const QString english
            = cliHelp({QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANGUAGE=")});
        QVERIFY2(english.contains(QStringLiteral("Usage: halfopen-cli COMMAND")), qPrintable(english));
        // HALFOPEN_LANGUAGE, as the window passes it down, wins over the system.
        const QString passedDown = cliHelp({QStringLiteral("LANG=C.UTF-8"), QStringLiteral("HALFOPEN_LANGUAGE=zh_CN")});
        QVERIFY2(passedDown.contains(QStringLiteral("用法")), qPrintable(passedDown));
    }

    void choiceIsKeptInTheSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        {
            ui::AppSettings settings(path);
            QCOMPARE(settings.language(), QString()); // the system's by default
            ui::LanguageMenu menu(&settings);
            QSignalSpy chosen(&menu, &ui::LanguageMenu::chosen);
            auto *chinese = menu.findChild<QAction *>(QStringLiteral("language_zh_CN"));
            auto *system = menu.findChild<QAction *>(QStringLiteral("language_system"));
            QVERIFY(chinese && system);
            QVERIFY(system->isChecked());
            QCOMPARE(chinese->text(), QStringLiteral("简体中文")); // in its own language, whatever the window's
            chinese->trigger();
            QCOMPARE(chosen.size(), 1);
            QVERIFY2(chosen.first().first().toString().contains(QStringLiteral("starts again")),
                     qPrintable(chosen.first().first().toString()));
            QVERIFY(chinese->isChecked());
        }
        ui::AppSettings reopened(path);
        QCOMPARE(reopened.language(), QStringLiteral("zh_CN"));
        ui::LanguageMenu menu(&reopened);
        QVERIFY(menu.findChild<QAction *>(QStringLiteral("language_zh_CN"))->isChecked());
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_Translations.moc"
