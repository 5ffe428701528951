/**
 * A short built-in list of common workplace skills, technical and interpersonal, that a
 * new learner can pick from on the welcome page instead of starting from an empty list.
 * In the six languages of the interface. Our own wording; no framework URIs (a learner or
 * organisation links ESCO or O*NET through the taxonomy import or the skill editor).
 */
import { skillKey } from './names';

/** A starter skill's words in one language. */
export interface StarterSkillText {
  name: string;
  description: string;
  aliases: string[];
}

/** Languages with their own starter names, besides English (Brazilian Portuguese as `pt`). */
export const STARTER_LANGUAGES = ['es', 'fr', 'pt', 'ar', 'zh'] as const;
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

/** English at the top level; each other interface language in its own field. */
export type StarterSkill = StarterSkillText & Record<StarterLanguage, StarterSkillText>;

export const STARTER_SKILLS: readonly StarterSkill[] = [
  {
    name: 'Communication',
    description: 'Getting ideas across clearly in writing, in meetings and one to one.',
    aliases: ['Written communication', 'Verbal communication'],
    es: {
      name: 'Comunicación',
      description: 'Transmitir ideas con claridad por escrito, en reuniones y en persona.',
      aliases: ['Comunicación escrita', 'Comunicación oral'],
    },
    fr: {
      name: 'Communication',
      description: 'Faire passer ses idées clairement, à l’écrit, en réunion et en tête-à-tête.',
      aliases: ['Communication écrite', 'Communication orale'],
    },
    pt: {
      name: 'Comunicação',
      description:
        'Transmitir ideias com clareza por escrito, em reuniões e em conversas individuais.',
      aliases: ['Comunicação escrita', 'Comunicação oral'],
    },
    ar: {
      name: 'التواصل',
      description: 'إيصال الأفكار بوضوح كتابةً وفي الاجتماعات وفي الحديث المباشر.',
      aliases: ['التواصل الكتابي', 'التواصل الشفهي'],
    },
    zh: {
      name: '沟通',
      description: '在书面、会议和一对一交流中清楚地表达想法。',
      aliases: ['书面沟通', '口头沟通'],
    },
  },
  {
    name: 'Teamwork',
    description: 'Working with others towards a shared result, and helping the team work well.',
    aliases: ['Collaboration'],
    es: {
      name: 'Trabajo en equipo',
      description:
        'Trabajar con otras personas hacia un resultado común y ayudar a que el equipo funcione bien.',
      aliases: ['Colaboración'],
    },
    fr: {
      name: 'Travail en équipe',
      description:
        'Travailler avec d’autres vers un résultat commun, et aider l’équipe à bien fonctionner.',
      aliases: ['Collaboration'],
    },
    pt: {
      name: 'Trabalho em equipe',
      description:
        'Trabalhar com outras pessoas em busca de um resultado comum e ajudar a equipe a funcionar bem.',
      aliases: ['Colaboração'],
    },
    ar: {
      name: 'العمل الجماعي',
      description: 'العمل مع الآخرين نحو نتيجة مشتركة، ومساعدة الفريق على العمل بانسجام.',
      aliases: ['التعاون'],
    },
    zh: {
      name: '团队合作',
      description: '与他人一起朝共同的成果努力，并帮助团队良好运作。',
      aliases: ['协作'],
    },
  },
  {
    name: 'Leadership',
    description: 'Setting direction, motivating people and growing the people you work with.',
    aliases: ['People management', 'Team leadership'],
    es: {
      name: 'Liderazgo',
      description: 'Marcar el rumbo, motivar y hacer crecer a las personas con las que trabajas.',
      aliases: ['Gestión de personas', 'Liderazgo de equipos'],
    },
    fr: {
      name: 'Leadership',
      description:
        'Donner une direction, motiver et faire grandir les personnes avec qui l’on travaille.',
      aliases: ['Management d’équipe', 'Encadrement'],
    },
    pt: {
      name: 'Liderança',
      description: 'Definir a direção, motivar e desenvolver as pessoas com quem você trabalha.',
      aliases: ['Gestão de pessoas', 'Liderança de equipes'],
    },
    ar: {
      name: 'القيادة',
      description: 'تحديد الاتجاه، وتحفيز الناس، وتنمية من تعمل معهم.',
      aliases: ['إدارة الأفراد', 'قيادة الفرق'],
    },
    zh: {
      name: '领导力',
      description: '确定方向、激励他人，并帮助共事的人成长。',
      aliases: ['人员管理', '团队领导'],
    },
  },
  {
    name: 'Project management',
    description: 'Planning, running and closing pieces of work on time, scope and budget.',
    aliases: ['PM', 'Project planning'],
    es: {
      name: 'Gestión de proyectos',
      description:
        'Planificar, llevar a cabo y cerrar trabajos dentro de plazo, alcance y presupuesto.',
      aliases: ['Planificación de proyectos'],
    },
    fr: {
      name: 'Gestion de projet',
      description:
        'Planifier, mener et clôturer des travaux en respectant délais, périmètre et budget.',
      aliases: ['Planification de projet'],
    },
    pt: {
      name: 'Gestão de projetos',
      description:
        'Planejar, conduzir e encerrar trabalhos dentro do prazo, do escopo e do orçamento.',
      aliases: ['Planejamento de projetos'],
    },
    ar: {
      name: 'إدارة المشاريع',
      description: 'تخطيط الأعمال وتنفيذها وإنجازها في حدود الوقت والنطاق والميزانية.',
      aliases: ['تخطيط المشاريع'],
    },
    zh: {
      name: '项目管理',
      description: '在时间、范围和预算内规划、推进并完成工作。',
      aliases: ['项目规划'],
    },
  },
  {
    name: 'Agile methods',
    description: 'Scrum, Kanban and other ways of delivering work in short, reviewed steps.',
    aliases: ['Agile', 'Scrum', 'Kanban'],
    es: {
      name: 'Métodos ágiles',
      description:
        'Scrum, Kanban y otras formas de entregar el trabajo en pasos cortos y revisados.',
      aliases: ['Ágil'],
    },
    fr: {
      name: 'Méthodes agiles',
      description:
        'Scrum, Kanban et d’autres façons de livrer le travail par petites étapes revues.',
      aliases: ['Agilité'],
    },
    pt: {
      name: 'Métodos ágeis',
      description:
        'Scrum, Kanban e outras formas de entregar o trabalho em etapas curtas e revisadas.',
      aliases: ['Ágil'],
    },
    ar: {
      name: 'المنهجيات الرشيقة',
      description: 'سكرَم وكانبان وغيرهما من طرق إنجاز العمل على خطوات قصيرة تُراجَع باستمرار.',
      aliases: ['أجايل'],
    },
    zh: {
      name: '敏捷方法',
      description: 'Scrum、看板等以短周期、可评审的步骤交付工作的方法。',
      aliases: ['敏捷', '看板'],
    },
  },
  {
    name: 'Time management',
    description: 'Prioritising, planning your days and keeping focus.',
    aliases: ['Prioritisation', 'Productivity'],
    es: {
      name: 'Gestión del tiempo',
      description: 'Priorizar, planificar tus días y mantener la concentración.',
      aliases: ['Priorización', 'Productividad'],
    },
    fr: {
      name: 'Gestion du temps',
      description: 'Fixer des priorités, organiser ses journées et rester concentré.',
      aliases: ['Priorisation', 'Productivité'],
    },
    pt: {
      name: 'Gestão do tempo',
      description: 'Priorizar, planejar os seus dias e manter o foco.',
      aliases: ['Priorização', 'Produtividade'],
    },
    ar: {
      name: 'إدارة الوقت',
      description: 'ترتيب الأولويات، وتخطيط الأيام، والحفاظ على التركيز.',
      aliases: ['ترتيب الأولويات', 'الإنتاجية'],
    },
    zh: {
      name: '时间管理',
      description: '确定优先级、规划每天的安排并保持专注。',
      aliases: ['优先级排序', '效率'],
    },
  },
  {
    name: 'Problem solving',
    description: 'Finding the cause of a problem and choosing a workable fix.',
    aliases: ['Troubleshooting'],
    es: {
      name: 'Resolución de problemas',
      description: 'Encontrar la causa de un problema y elegir una solución viable.',
      aliases: ['Solución de problemas'],
    },
    fr: {
      name: 'Résolution de problèmes',
      description: 'Trouver la cause d’un problème et choisir une solution réaliste.',
      aliases: ['Dépannage'],
    },
    pt: {
      name: 'Resolução de problemas',
      description: 'Encontrar a causa de um problema e escolher uma solução viável.',
      aliases: ['Diagnóstico de falhas'],
    },
    ar: {
      name: 'حل المشكلات',
      description: 'إيجاد سبب المشكلة واختيار حل قابل للتطبيق.',
      aliases: ['استكشاف الأعطال'],
    },
    zh: {
      name: '解决问题',
      description: '找到问题的原因并选择可行的解决办法。',
      aliases: ['故障排查'],
    },
  },
  {
    name: 'Critical thinking',
    description: 'Weighing evidence and arguments before drawing a conclusion.',
    aliases: ['Analytical thinking'],
    es: {
      name: 'Pensamiento crítico',
      description: 'Sopesar pruebas y argumentos antes de sacar una conclusión.',
      aliases: ['Pensamiento analítico'],
    },
    fr: {
      name: 'Esprit critique',
      description: 'Peser les preuves et les arguments avant de tirer une conclusion.',
      aliases: ['Pensée critique', 'Pensée analytique'],
    },
    pt: {
      name: 'Pensamento crítico',
      description: 'Pesar evidências e argumentos antes de tirar uma conclusão.',
      aliases: ['Pensamento analítico'],
    },
    ar: {
      name: 'التفكير النقدي',
      description: 'موازنة الأدلة والحجج قبل الوصول إلى استنتاج.',
      aliases: ['التفكير التحليلي'],
    },
    zh: {
      name: '批判性思维',
      description: '在得出结论前权衡证据和论点。',
      aliases: ['分析性思维'],
    },
  },
  {
    name: 'Customer service',
    description: 'Helping customers and users well, including when things go wrong.',
    aliases: ['Customer support', 'Client relations'],
    es: {
      name: 'Atención al cliente',
      description: 'Ayudar bien a clientes y usuarios, también cuando algo sale mal.',
      aliases: ['Servicio al cliente', 'Soporte al cliente'],
    },
    fr: {
      name: 'Service client',
      description:
        'Bien aider les clients et les usagers, y compris quand quelque chose tourne mal.',
      aliases: ['Support client', 'Relation client'],
    },
    pt: {
      name: 'Atendimento ao cliente',
      description: 'Ajudar bem clientes e usuários, inclusive quando algo dá errado.',
      aliases: ['Suporte ao cliente', 'Relacionamento com clientes'],
    },
    ar: {
      name: 'خدمة العملاء',
      description: 'مساعدة العملاء والمستخدمين على نحو جيد، حتى عندما تسوء الأمور.',
      aliases: ['دعم العملاء', 'علاقات العملاء'],
    },
    zh: {
      name: '客户服务',
      description: '好好帮助客户和用户，包括在出现问题的时候。',
      aliases: ['客户支持', '客户关系'],
    },
  },
  {
    name: 'Negotiation',
    description: 'Reaching agreements that both sides can live with.',
    aliases: [],
    es: {
      name: 'Negociación',
      description: 'Llegar a acuerdos que ambas partes puedan aceptar.',
      aliases: [],
    },
    fr: {
      name: 'Négociation',
      description: 'Parvenir à des accords acceptables pour les deux parties.',
      aliases: [],
    },
    pt: {
      name: 'Negociação',
      description: 'Chegar a acordos que as duas partes possam aceitar.',
      aliases: [],
    },
    ar: {
      name: 'التفاوض',
      description: 'الوصول إلى اتفاقات يقبلها الطرفان.',
      aliases: [],
    },
    zh: {
      name: '谈判',
      description: '达成双方都能接受的协议。',
      aliases: [],
    },
  },
  {
    name: 'Public speaking',
    description: 'Presenting to a group with clarity and confidence.',
    aliases: ['Presentation skills', 'Presenting'],
    es: {
      name: 'Hablar en público',
      description: 'Presentar ante un grupo con claridad y seguridad.',
      aliases: ['Oratoria', 'Presentaciones'],
    },
    fr: {
      name: 'Prise de parole en public',
      description: 'Présenter devant un groupe avec clarté et assurance.',
      aliases: ['Présentations', 'Art oratoire'],
    },
    pt: {
      name: 'Falar em público',
      description: 'Apresentar para um grupo com clareza e confiança.',
      aliases: ['Oratória', 'Apresentações'],
    },
    ar: {
      name: 'الخطابة',
      description: 'التحدث أمام مجموعة بوضوح وثقة.',
      aliases: ['مهارات العرض', 'تقديم العروض'],
    },
    zh: {
      name: '公开演讲',
      description: '清晰、自信地向一群人作报告。',
      aliases: ['演示技巧', '做报告'],
    },
  },
  {
    name: 'Business writing',
    description: 'Reports, emails and documents that are short, clear and fit their readers.',
    aliases: ['Writing', 'Copywriting'],
    es: {
      name: 'Redacción profesional',
      description: 'Informes, correos y documentos breves, claros y pensados para quien los lee.',
      aliases: ['Redacción', 'Escritura'],
    },
    fr: {
      name: 'Rédaction professionnelle',
      description: 'Rapports, e-mails et documents courts, clairs et adaptés à leurs lecteurs.',
      aliases: ['Rédaction', 'Écriture'],
    },
    pt: {
      name: 'Redação profissional',
      description: 'Relatórios, e-mails e documentos curtos, claros e adequados a quem os lê.',
      aliases: ['Redação', 'Escrita'],
    },
    ar: {
      name: 'الكتابة المهنية',
      description: 'تقارير ورسائل بريد ومستندات موجزة وواضحة ومناسبة لقرّائها.',
      aliases: ['الكتابة', 'كتابة المحتوى'],
    },
    zh: {
      name: '商务写作',
      description: '简短、清楚、适合读者的报告、邮件和文档。',
      aliases: ['写作', '文案'],
    },
  },
  {
    name: 'Data analysis',
    description: 'Cleaning, exploring and summarising data to answer a question.',
    aliases: ['Data analytics', 'Analytics'],
    es: {
      name: 'Análisis de datos',
      description: 'Limpiar, explorar y resumir datos para responder a una pregunta.',
      aliases: ['Analítica de datos'],
    },
    fr: {
      name: 'Analyse de données',
      description: 'Nettoyer, explorer et résumer des données pour répondre à une question.',
      aliases: ['Analytique'],
    },
    pt: {
      name: 'Análise de dados',
      description: 'Limpar, explorar e resumir dados para responder a uma pergunta.',
      aliases: ['Analytics'],
    },
    ar: {
      name: 'تحليل البيانات',
      description: 'تنظيف البيانات واستكشافها وتلخيصها للإجابة عن سؤال.',
      aliases: ['التحليلات'],
    },
    zh: {
      name: '数据分析',
      description: '清洗、探索和汇总数据以回答问题。',
      aliases: ['数据分析学'],
    },
  },
  {
    name: 'Spreadsheets',
    description: 'Formulas, pivot tables and charts in Excel, Google Sheets or LibreOffice.',
    aliases: ['Excel', 'Google Sheets'],
    es: {
      name: 'Hojas de cálculo',
      description: 'Fórmulas, tablas dinámicas y gráficos en Excel, Google Sheets o LibreOffice.',
      aliases: [],
    },
    fr: {
      name: 'Tableurs',
      description:
        'Formules, tableaux croisés dynamiques et graphiques dans Excel, Google Sheets ou LibreOffice.',
      aliases: [],
    },
    pt: {
      name: 'Planilhas',
      description: 'Fórmulas, tabelas dinâmicas e gráficos no Excel, Google Sheets ou LibreOffice.',
      aliases: [],
    },
    ar: {
      name: 'جداول البيانات',
      description: 'الصيغ والجداول المحورية والمخططات في Excel أو Google Sheets أو LibreOffice.',
      aliases: [],
    },
    zh: {
      name: '电子表格',
      description: '在 Excel、Google Sheets 或 LibreOffice 中使用公式、数据透视表和图表。',
      aliases: [],
    },
  },
  {
    name: 'SQL',
    description: 'Querying and shaping data in relational databases.',
    aliases: ['Databases'],
    es: {
      name: 'SQL',
      description: 'Consultar y dar forma a datos en bases de datos relacionales.',
      aliases: ['Bases de datos'],
    },
    fr: {
      name: 'SQL',
      description:
        'Interroger et mettre en forme des données dans des bases de données relationnelles.',
      aliases: ['Bases de données'],
    },
    pt: {
      name: 'SQL',
      description: 'Consultar e organizar dados em bancos de dados relacionais.',
      aliases: ['Bancos de dados'],
    },
    ar: {
      name: 'SQL',
      description: 'الاستعلام عن البيانات وتشكيلها في قواعد البيانات العلائقية.',
      aliases: ['قواعد البيانات'],
    },
    zh: {
      name: 'SQL',
      description: '在关系型数据库中查询和整理数据。',
      aliases: ['数据库'],
    },
  },
  {
    name: 'Python',
    description: 'Programming in Python, from scripts to data work and web services.',
    aliases: ['Python programming'],
    es: {
      name: 'Python',
      description: 'Programar en Python, desde scripts hasta trabajo con datos y servicios web.',
      aliases: ['Programación en Python'],
    },
    fr: {
      name: 'Python',
      description:
        'Programmer en Python, des scripts au traitement de données et aux services web.',
      aliases: ['Programmation Python'],
    },
    pt: {
      name: 'Python',
      description: 'Programar em Python, de scripts a trabalho com dados e serviços web.',
      aliases: ['Programação em Python'],
    },
    ar: {
      name: 'Python',
      description: 'البرمجة بلغة Python، من النصوص البرمجية إلى العمل على البيانات وخدمات الويب.',
      aliases: ['البرمجة بلغة Python', 'بايثون'],
    },
    zh: {
      name: 'Python',
      description: '用 Python 编程，从脚本到数据处理和 Web 服务。',
      aliases: ['Python 编程'],
    },
  },
  {
    name: 'JavaScript',
    description: 'Programming for the web and Node.js, TypeScript included.',
    aliases: ['JS', 'TypeScript'],
    es: {
      name: 'JavaScript',
      description: 'Programar para la web y Node.js, TypeScript incluido.',
      aliases: [],
    },
    fr: {
      name: 'JavaScript',
      description: 'Programmer pour le web et Node.js, TypeScript compris.',
      aliases: [],
    },
    pt: {
      name: 'JavaScript',
      description: 'Programar para a web e para Node.js, incluindo TypeScript.',
      aliases: [],
    },
    ar: {
      name: 'JavaScript',
      description: 'البرمجة للويب ولـ Node.js، بما في ذلك TypeScript.',
      aliases: ['جافاسكربت'],
    },
    zh: {
      name: 'JavaScript',
      description: '为 Web 和 Node.js 编程，包括 TypeScript。',
      aliases: [],
    },
  },
  {
    name: 'Web development',
    description: 'Building websites and web applications: HTML, CSS and the tools around them.',
    aliases: ['HTML', 'CSS', 'Front-end development'],
    es: {
      name: 'Desarrollo web',
      description: 'Crear sitios y aplicaciones web: HTML, CSS y las herramientas que los rodean.',
      aliases: ['Desarrollo front-end'],
    },
    fr: {
      name: 'Développement web',
      description:
        'Créer des sites et des applications web : HTML, CSS et les outils qui les entourent.',
      aliases: ['Développement front-end'],
    },
    pt: {
      name: 'Desenvolvimento web',
      description: 'Criar sites e aplicações web: HTML, CSS e as ferramentas em torno deles.',
      aliases: ['Desenvolvimento front-end'],
    },
    ar: {
      name: 'تطوير الويب',
      description: 'بناء مواقع وتطبيقات الويب: HTML وCSS والأدوات المحيطة بهما.',
      aliases: ['تطوير الواجهات الأمامية'],
    },
    zh: {
      name: 'Web 开发',
      description: '构建网站和 Web 应用：HTML、CSS 及相关工具。',
      aliases: ['前端开发', '网页开发'],
    },
  },
  {
    name: 'Cloud computing',
    description: 'Running systems on AWS, Azure, Google Cloud and similar platforms.',
    aliases: ['AWS', 'Azure', 'Google Cloud'],
    es: {
      name: 'Computación en la nube',
      description: 'Ejecutar sistemas en AWS, Azure, Google Cloud y plataformas parecidas.',
      aliases: ['La nube'],
    },
    fr: {
      name: 'Cloud computing',
      description:
        'Faire tourner des systèmes sur AWS, Azure, Google Cloud et des plateformes semblables.',
      aliases: ['Informatique en nuage', 'Le cloud'],
    },
    pt: {
      name: 'Computação em nuvem',
      description:
        'Executar sistemas na AWS, no Azure, no Google Cloud e em plataformas semelhantes.',
      aliases: ['Nuvem'],
    },
    ar: {
      name: 'الحوسبة السحابية',
      description: 'تشغيل الأنظمة على AWS وAzure وGoogle Cloud والمنصات المشابهة.',
      aliases: ['السحابة'],
    },
    zh: {
      name: '云计算',
      description: '在 AWS、Azure、Google Cloud 等平台上运行系统。',
      aliases: ['云'],
    },
  },
  {
    name: 'Cybersecurity',
    description: 'Protecting systems and data: threats, safe practice and incident response.',
    aliases: ['Information security', 'Security'],
    es: {
      name: 'Ciberseguridad',
      description:
        'Proteger sistemas y datos: amenazas, buenas prácticas y respuesta a incidentes.',
      aliases: ['Seguridad de la información', 'Seguridad informática'],
    },
    fr: {
      name: 'Cybersécurité',
      description:
        'Protéger les systèmes et les données : menaces, bonnes pratiques et réponse aux incidents.',
      aliases: ['Sécurité de l’information', 'Sécurité informatique'],
    },
    pt: {
      name: 'Cibersegurança',
      description: 'Proteger sistemas e dados: ameaças, boas práticas e resposta a incidentes.',
      aliases: ['Segurança da informação', 'Segurança cibernética'],
    },
    ar: {
      name: 'الأمن السيبراني',
      description: 'حماية الأنظمة والبيانات: التهديدات، والممارسات الآمنة، والاستجابة للحوادث.',
      aliases: ['أمن المعلومات'],
    },
    zh: {
      name: '网络安全',
      description: '保护系统和数据：威胁、安全实践和事件响应。',
      aliases: ['信息安全'],
    },
  },
  {
    name: 'Machine learning',
    description: 'Models that learn from data, and using AI tools responsibly.',
    aliases: ['ML', 'Artificial intelligence', 'AI'],
    es: {
      name: 'Aprendizaje automático',
      description: 'Modelos que aprenden de los datos, y el uso responsable de herramientas de IA.',
      aliases: ['Inteligencia artificial', 'IA'],
    },
    fr: {
      name: 'Apprentissage automatique',
      description:
        'Des modèles qui apprennent à partir des données, et l’usage responsable des outils d’IA.',
      aliases: ['Intelligence artificielle', 'IA', 'Machine learning'],
    },
    pt: {
      name: 'Aprendizado de máquina',
      description: 'Modelos que aprendem com dados e o uso responsável de ferramentas de IA.',
      aliases: ['Inteligência artificial', 'IA'],
    },
    ar: {
      name: 'تعلّم الآلة',
      description: 'نماذج تتعلّم من البيانات، واستخدام أدوات الذكاء الاصطناعي بمسؤولية.',
      aliases: ['الذكاء الاصطناعي', 'التعلم الآلي'],
    },
    zh: {
      name: '机器学习',
      description: '从数据中学习的模型，以及负责任地使用人工智能工具。',
      aliases: ['人工智能'],
    },
  },
  {
    name: 'UX design',
    description: 'Understanding users and designing products that are easy to use.',
    aliases: ['User experience', 'UI design'],
    es: {
      name: 'Diseño UX',
      description: 'Entender a los usuarios y diseñar productos fáciles de usar.',
      aliases: ['Experiencia de usuario', 'Diseño de interfaces'],
    },
    fr: {
      name: 'Design UX',
      description: 'Comprendre les utilisateurs et concevoir des produits faciles à utiliser.',
      aliases: ['Expérience utilisateur', 'Design d’interface'],
    },
    pt: {
      name: 'Design de UX',
      description: 'Entender os usuários e projetar produtos fáceis de usar.',
      aliases: ['Experiência do usuário', 'Design de interfaces'],
    },
    ar: {
      name: 'تصميم تجربة المستخدم',
      description: 'فهم المستخدمين وتصميم منتجات سهلة الاستخدام.',
      aliases: ['تجربة المستخدم', 'تصميم الواجهات'],
    },
    zh: {
      name: '用户体验设计',
      description: '理解用户并设计易于使用的产品。',
      aliases: ['用户体验', '界面设计'],
    },
  },
  {
    name: 'Accessibility',
    description: 'Making products and documents usable by people with disabilities.',
    aliases: ['a11y', 'WCAG', 'Inclusive design'],
    es: {
      name: 'Accesibilidad',
      description: 'Hacer productos y documentos que puedan usar las personas con discapacidad.',
      aliases: ['Diseño inclusivo'],
    },
    fr: {
      name: 'Accessibilité',
      description:
        'Rendre les produits et les documents utilisables par les personnes en situation de handicap.',
      aliases: ['Conception inclusive'],
    },
    pt: {
      name: 'Acessibilidade',
      description: 'Tornar produtos e documentos utilizáveis por pessoas com deficiência.',
      aliases: ['Design inclusivo'],
    },
    ar: {
      name: 'إمكانية الوصول',
      description: 'جعل المنتجات والمستندات قابلة للاستخدام من قِبل الأشخاص ذوي الإعاقة.',
      aliases: ['التصميم الشامل'],
    },
    zh: {
      name: '无障碍',
      description: '让残障人士也能使用产品和文档。',
      aliases: ['包容性设计', '可访问性'],
    },
  },
  {
    name: 'Digital marketing',
    description: 'Reaching people online: content, search, social media and email.',
    aliases: ['SEO', 'Content marketing', 'Marketing'],
    es: {
      name: 'Marketing digital',
      description:
        'Llegar a la gente en internet: contenidos, buscadores, redes sociales y correo.',
      aliases: ['Marketing de contenidos', 'Posicionamiento en buscadores'],
    },
    fr: {
      name: 'Marketing numérique',
      description:
        'Toucher les gens en ligne : contenus, moteurs de recherche, réseaux sociaux et e-mail.',
      aliases: ['Marketing de contenu', 'Référencement'],
    },
    pt: {
      name: 'Marketing digital',
      description: 'Alcançar pessoas na internet: conteúdo, buscadores, redes sociais e e-mail.',
      aliases: ['Marketing de conteúdo'],
    },
    ar: {
      name: 'التسويق الرقمي',
      description:
        'الوصول إلى الناس عبر الإنترنت: المحتوى، ومحركات البحث، ووسائل التواصل الاجتماعي، والبريد الإلكتروني.',
      aliases: ['تسويق المحتوى', 'تحسين محركات البحث', 'التسويق'],
    },
    zh: {
      name: '数字营销',
      description: '在网上触达人群：内容、搜索引擎、社交媒体和电子邮件。',
      aliases: ['内容营销', '搜索引擎优化', '营销'],
    },
  },
  {
    name: 'Finance basics',
    description: 'Budgets, costs, forecasts and reading financial statements.',
    aliases: ['Budgeting', 'Accounting basics'],
    es: {
      name: 'Finanzas básicas',
      description: 'Presupuestos, costes, previsiones y lectura de estados financieros.',
      aliases: ['Presupuestos', 'Contabilidad básica'],
    },
    fr: {
      name: 'Bases de la finance',
      description: 'Budgets, coûts, prévisions et lecture des états financiers.',
      aliases: ['Budget', 'Bases de la comptabilité'],
    },
    pt: {
      name: 'Noções de finanças',
      description: 'Orçamentos, custos, previsões e leitura de demonstrações financeiras.',
      aliases: ['Orçamento', 'Noções de contabilidade'],
    },
    ar: {
      name: 'أساسيات المالية',
      description: 'الميزانيات والتكاليف والتوقعات وقراءة القوائم المالية.',
      aliases: ['إعداد الميزانية', 'أساسيات المحاسبة'],
    },
    zh: {
      name: '财务基础',
      description: '预算、成本、预测以及阅读财务报表。',
      aliases: ['预算编制', '会计基础'],
    },
  },
  {
    name: 'Foreign languages',
    description: 'Learning and practising a language other than your first.',
    aliases: ['Languages', 'Language learning'],
    es: {
      name: 'Idiomas',
      description: 'Aprender y practicar una lengua distinta de la tuya.',
      aliases: ['Lenguas extranjeras', 'Aprendizaje de idiomas'],
    },
    fr: {
      name: 'Langues étrangères',
      description: 'Apprendre et pratiquer une langue autre que sa langue maternelle.',
      aliases: ['Langues', 'Apprentissage des langues'],
    },
    pt: {
      name: 'Línguas estrangeiras',
      description: 'Aprender e praticar um idioma diferente da sua primeira língua.',
      aliases: ['Idiomas', 'Aprendizado de idiomas'],
    },
    ar: {
      name: 'اللغات الأجنبية',
      description: 'تعلّم لغة غير لغتك الأم وممارستها.',
      aliases: ['اللغات', 'تعلّم اللغات'],
    },
    zh: {
      name: '外语',
      description: '学习和练习母语以外的语言。',
      aliases: ['语言', '语言学习'],
    },
  },
];

/**
 * A starter skill in the learner's language (`es`, `es-419`, `pt_BR`, `ar`, `zh-CN` …),
 * English otherwise.
 * A translated skill keeps its English names as aliases, so pages in English still name it.
 * @example localizeStarterSkill(STARTER_SKILLS[0]!, 'es').name // 'Comunicación'
 */
export function localizeStarterSkill(starter: StarterSkill, locale: string): StarterSkillText {
  const language = locale.toLowerCase().split(/[-_]/)[0] as StarterLanguage;
  const text = STARTER_LANGUAGES.includes(language) ? starter[language] : undefined;
  if (!text)
    return { name: starter.name, description: starter.description, aliases: starter.aliases };
  return {
    name: text.name,
    description: text.description,
    aliases: [...text.aliases, starter.name, ...starter.aliases],
  };
}

/**
 * Every key a starter skill is known by, in every language: a library holding any of them
 * has that starter already.
 * @example starterSkillKeys(STARTER_SKILLS[0]!) // ['communication', 'comunicacion', 'comunicacao', …]
 */
export function starterSkillKeys(starter: StarterSkill): string[] {
  return [
    ...new Set([starter.name, ...STARTER_LANGUAGES.map((l) => starter[l].name)].map(skillKey)),
  ];
}
